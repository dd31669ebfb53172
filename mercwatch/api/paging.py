"""Turning a list into the page an endpoint returns, with its `next` link."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse

from mercwatch.api.params import PageParams
from mercwatch.api.rendering import json_bytes
from mercwatch.api.services import page
from mercwatch.core.origin import absolute

JSON = "application/json; charset=utf-8"


def paged(request: HttpRequest, items: Sequence[Any], params: PageParams) -> HttpResponse:
    """Give the page of `items` that `params` ask for; `next` keeps the request's filters.

    The page is rendered here rather than validated again by ninja: the records are built by
    our own code in the documented shape, and the schemathesis test checks every response
    against the OpenAPI document (re-validating 100 nested records cost most of a request).
    """
    query = {k: str(v) for k, v in request.GET.items() if k not in {"limit", "offset"}}
    url = absolute(request, request.path)
    body = page(items, limit=params.limit, offset=params.offset, url=url, query=query)
    return HttpResponse(json_bytes(body), content_type=JSON)
