"""Long lists on a page, split into numbered pages (`?page=N`), with links that keep the query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator

from mercwatch.site.services.moment import BadInput

T = TypeVar("T")
PER_PAGE = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, where it is, and the links to its neighbours."""

    items: list[T]
    number: int
    pages: int
    total: int
    first: int  # 1-based position of the first item shown
    previous_url: str
    next_url: str

    def as_dict(self) -> dict[str, Any]:
        return {"page": self.number, "pages": self.pages, "total": self.total}


def _url(path: str, params: dict[str, str], number: int) -> str:
    kept = {k: v for k, v in params.items() if k != "page" and v}
    if number > 1:
        kept["page"] = str(number)
    return path + ("?" + urlencode(kept) if kept else "")


def page_of(
    items: Sequence[T], path: str, params: dict[str, str], per_page: int = PER_PAGE
) -> Page[T]:
    """Give the page `params['page']` (default 1) of `items`; a bad number is a BadInput."""
    raw = params.get("page", "") or "1"
    if not raw.isdigit():
        raise BadInput(f"page: expected a whole number from 1, got {raw!r}")
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        page = paginator.page(int(raw))
    except InvalidPage as exc:
        raise BadInput(f"page: expected 1 to {paginator.num_pages}, got {raw!r}") from exc
    number = page.number
    return Page(
        list(page.object_list),
        number,
        paginator.num_pages,
        paginator.count,
        page.start_index(),
        _url(path, params, number - 1) if page.has_previous() else "",
        _url(path, params, number + 1) if page.has_next() else "",
    )
