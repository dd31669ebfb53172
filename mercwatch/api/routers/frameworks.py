"""Frameworks and their provisions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from mercwatch.api import known, services
from mercwatch.api.paging import paged
from mercwatch.api.params import PageParams, ProvisionParams
from mercwatch.api.schemas import FrameworkOut, ProvisionOut, page_of
from mercwatch.store.current import current_snapshot

router = Router(tags=["frameworks"])


@router.get("/frameworks", response=page_of(FrameworkOut), summary="List frameworks")
def list_frameworks(request: HttpRequest, q: Query[PageParams]) -> HttpResponse:
    return paged(request, services.frameworks(known.dataset_for(q)), q)


@router.get("/frameworks/{fid}", response=FrameworkOut, summary="One framework")
def get_framework(request: HttpRequest, fid: str) -> dict[str, Any]:
    return services.one(services.frameworks(current_snapshot()), "id", fid)


@router.get("/provisions", response=page_of(ProvisionOut), summary="List provisions")
def list_provisions(request: HttpRequest, q: Query[ProvisionParams]) -> HttpResponse:
    items = services.provisions(known.dataset_for(q), framework=q.framework, parent=q.parent)
    return paged(request, items, q)


@router.get("/provisions/{path:code}", response=ProvisionOut, summary="One provision")
def get_provision(request: HttpRequest, code: str) -> dict[str, Any]:
    every = services.provisions(current_snapshot(), framework=None, parent=None)
    return services.one(every, "code", code)
