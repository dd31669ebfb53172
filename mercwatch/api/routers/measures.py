"""Measures and the relationships between market actors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router

from mercwatch.api import known, services
from mercwatch.api.paging import paged
from mercwatch.api.params import MeasureParams, RelationshipParams
from mercwatch.api.schemas import MeasureOut, RelationshipOut, page_of
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.snapshot import NotFound

router = Router(tags=["measures"])


@router.get("/measures", response=page_of(MeasureOut), summary="List measures")
def list_measures(request: HttpRequest, q: Query[MeasureParams]) -> HttpResponse:
    items = services.measures(
        known.dataset_for(q),
        day=q.as_of or dt.date.today(),
        actor=q.actor,
        type=q.type,
        provision=q.provision,
        target=q.target,
        date_from=q.date_from,
        date_to=q.date_to,
        status=q.status,
    )
    return paged(request, items, q)


@router.get("/measures/{measure_id}", response=MeasureOut, summary="One measure")
def get_measure(request: HttpRequest, measure_id: str) -> dict[str, Any]:
    data = current_snapshot()
    if measure_id not in data.measures:
        raise NotFound(_("no measure %(id)r") % {"id": measure_id})
    return services.all_measures(data, dt.date.today())[list(data.measures).index(measure_id)]


@router.get("/relationships", response=page_of(RelationshipOut), summary="List relationships")
def list_relationships(request: HttpRequest, q: Query[RelationshipParams]) -> HttpResponse:
    items = services.relationships(
        known.dataset_for(q), actor=q.actor, subject=q.subject, object=q.object, kind=q.kind
    )
    return paged(request, items, q)
