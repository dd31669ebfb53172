"""Actors, their memberships, and sources."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from mercwatch.api import known, services
from mercwatch.api.paging import paged
from mercwatch.api.params import ActorParams, MembershipParams, SourceParams
from mercwatch.api.schemas import ActorOut, MembershipOut, SourceOut, page_of
from mercwatch.store.current import current_snapshot

router = Router(tags=["actors"])


@router.get("/actors", response=page_of(ActorOut), summary="List actors")
def list_actors(request: HttpRequest, q: Query[ActorParams]) -> HttpResponse:
    items = services.actors(
        known.dataset_for(q), kind=q.kind, membership=q.membership, country=q.country
    )
    return paged(request, items, q)


@router.get("/actors/{actor_id}", response=ActorOut, summary="One actor")
def get_actor(request: HttpRequest, actor_id: str) -> dict[str, Any]:
    every = services.actors(current_snapshot(), kind=None, membership=None, country=None)
    return services.one(every, "id", actor_id)


@router.get("/memberships", response=page_of(MembershipOut), summary="List memberships")
def list_memberships(request: HttpRequest, q: Query[MembershipParams]) -> HttpResponse:
    items = services.memberships(
        known.dataset_for(q), framework=q.framework, actor=q.actor, role=q.role
    )
    return paged(request, items, q)


@router.get("/sources", response=page_of(SourceOut), summary="List sources")
def list_sources(request: HttpRequest, q: Query[SourceParams]) -> HttpResponse:
    return paged(request, services.sources(known.dataset_for(q), group=q.group, kind=q.kind), q)


@router.get("/sources/{source_id}", response=SourceOut, summary="One source")
def get_source(request: HttpRequest, source_id: str) -> dict[str, Any]:
    return services.one(services.sources(current_snapshot()), "id", source_id)
