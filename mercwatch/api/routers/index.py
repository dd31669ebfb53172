"""The API's front door: where its docs, its OpenAPI document and each collection are."""

from __future__ import annotations

from functools import cache, partial
from typing import Any

from django.http import HttpRequest
from ninja import Router

from mercwatch.api.schemas import IndexOut
from mercwatch.core.origin import absolute

router = Router(tags=["index"])
PREFIX = "/api/v1"


@cache
def collections() -> tuple[str, ...]:
    """Give the paths of the API's lists that need no parameter, in the document's order
    (the contributions behind one assessment are linked from each assessment)."""
    from mercwatch.api.api import api  # the API imports this router

    paths = api.get_openapi_schema(path_prefix=PREFIX)["paths"]
    return tuple(
        path
        for path, ops in paths.items()
        if "{" not in path
        and path.rstrip("/") != PREFIX
        and not any(p.get("required") for p in ops["get"].get("parameters", []))
    )


@router.get("/", response=IndexOut, summary="Where everything is")
def index(request: HttpRequest) -> dict[str, Any]:
    url = partial(absolute, request)
    return {
        "title": "mercwatch API",
        "version": "1",
        "docs": url(f"{PREFIX}/docs/"),
        "console": url(f"{PREFIX}/docs/console/"),
        "openapi": url(f"{PREFIX}/openapi.json"),
        "license": "CC BY 4.0",
        "collections": {p.rsplit("/", 1)[1]: url(p) for p in collections()},
    }
