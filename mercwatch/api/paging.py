"""Turning a list into the page an endpoint returns, with its `next` link."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest

from mercwatch.api.params import PageParams
from mercwatch.api.services import page


def paged(request: HttpRequest, items: Sequence[Any], params: PageParams) -> dict[str, Any]:
    """Give the page of `items` that `params` ask for; `next` keeps the request's filters."""
    query = {k: str(v) for k, v in request.GET.items() if k not in {"limit", "offset"}}
    url = request.build_absolute_uri(request.path)
    return page(items, limit=params.limit, offset=params.offset, url=url, query=query)
