"""Long lists on a page, split into numbered pages at `…/page/N/`, with links that keep the query.

Pages are paths, not a query parameter, so that the static export (`mercwatch build-site`), which
a static host serves without query strings, holds every page of every list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.utils.translation import gettext as _

T = TypeVar("T")
PER_PAGE = 100
SUFFIX = re.compile(r"page/[0-9]+/$")


class NoSuchPage(LookupError):
    """A page number past either end of a list: the page does not exist (a 404, not a 400)."""


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


@dataclass(frozen=True)
class At:
    """Where a list was asked for: the request's path, its query, and the page number the URL
    gives (None for the first page)."""

    path: str
    params: dict[str, str]
    page: str | None = None


def first_page(path: str) -> str:
    """Give the path of a list's first page from any of its pages or their JSON twins:
    `/changes/page/2.json` → `/changes/`."""
    html = path[: -len(".json")] + "/" if path.endswith(".json") else path
    return SUFFIX.sub("", html)


def page_url(path: str, params: dict[str, str], number: int) -> str:
    """Give the URL of page `number` of the list at `path`, with the same query."""
    query = urlencode({k: v for k, v in params.items() if v})
    base = first_page(path) + (f"page/{number}/" if number > 1 else "")
    return base + (f"?{query}" if query else "")


def page_of(items: Sequence[T], at: At, per_page: int = PER_PAGE) -> Page[T]:
    """Give the page of `items` that `at` asks for, or raise NoSuchPage."""
    path, params = at.path, at.params
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        page = paginator.page(int(at.page or 1))
    except InvalidPage as exc:
        raise NoSuchPage(
            _("There is no page %(page)s of this list: it has pages 1 to %(pages)d.")
            % {"page": at.page, "pages": paginator.num_pages}
        ) from exc
    return Page(
        list(page.object_list),
        page.number,
        paginator.num_pages,
        paginator.count,
        page.start_index(),
        page_url(path, params, page.number - 1) if page.has_previous() else "",
        page_url(path, params, page.number + 1) if page.has_next() else "",
    )
