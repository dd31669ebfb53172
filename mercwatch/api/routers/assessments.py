"""Assessments at any date, with their explanations; the level changes between dates or editions
(the editions themselves: routers/editions.py)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from mercwatch.api import known, services
from mercwatch.api.paging import paged
from mercwatch.api.params import (
    AssessmentParams,
    ChangeParams,
    ContributionParams,
)
from mercwatch.api.schemas import (
    AssessmentOut,
    ChangeOut,
    ContributionOut,
    page_of,
)

router = Router(tags=["assessments"])


@router.get("/assessments", response=page_of(AssessmentOut), summary="List assessments")
def list_assessments(request: HttpRequest, q: Query[AssessmentParams]) -> HttpResponse:
    items = services.assessments(
        known.dataset_for(q),
        as_of=q.as_of or dt.date.today(),
        framework=q.framework,
        actor=q.actor,
        provision=q.provision,
        methodology=q.methodology,
        every_contribution=q.contributions == "all",
    )
    return paged(request, items, q)


@router.get(
    "/contributions",
    response=page_of(ContributionOut),
    summary="List every contribution behind one assessment",
)
def list_contributions(request: HttpRequest, q: Query[ContributionParams]) -> HttpResponse:
    items = services.contributions(
        known.dataset_for(q),
        actor=q.actor,
        provision=q.provision,
        as_of=q.as_of or dt.date.today(),
        methodology=q.methodology,
    )
    return paged(request, items, q)


@router.get("/changes", response=page_of(ChangeOut), summary="List level changes")
def list_changes(request: HttpRequest, q: Query[ChangeParams]) -> HttpResponse:
    items = services.changes(
        known.dataset_for(q),
        since=q.since,
        until=q.until,
        from_edition=q.from_edition,
        to_edition=q.to_edition,
        actor=q.actor,
        provision=q.provision,
        today=dt.date.today(),
    )
    return paged(request, items, q)
