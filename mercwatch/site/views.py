"""Public pages: thin views over the assessment service."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.tracker.derive import Assessment
from mercwatch.tracker.services.assessments import assess, current_dataset

TRACKED = tuple(f"blueprint/{n}" for n in range(1, 8))


def _as_of(request: HttpRequest) -> dt.date:
    value = request.GET.get("as_of", "")
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise Http404(f"as_of: expected YYYY-MM-DD, got {value!r}") from exc


def scorecard(request: HttpRequest) -> HttpResponse:
    """Governments × the seven government recommendations."""
    data = current_dataset()
    day = _as_of(request)
    results = assess(
        data,
        as_of=day,
        provisions=TRACKED,
        kinds=GOVERNMENT_KINDS,
        version=settings.METHODOLOGY_VERSION,
    )
    rows: dict[str, list[Assessment]] = {}
    for a in results:
        rows.setdefault(a.actor, []).append(a)
    table = sorted(
        (
            (data.actors[actor], cells, sum(c.score or 0 for c in cells))
            for actor, cells in rows.items()
        ),
        key=lambda row: (-row[2], row[0].name),
    )
    provisions = [(code, data.provisions[code][2].title) for code in TRACKED]
    return render(
        request,
        "site/scorecard.html",
        {"rows": table, "provisions": provisions, "as_of": day},
    )


def government(request: HttpRequest, actor_id: str) -> HttpResponse:
    """One government on each recommendation, with every explanation."""
    data = current_dataset()
    actor = data.actors.get(actor_id)
    if actor is None or actor.kind not in GOVERNMENT_KINDS:
        raise Http404("no such government")
    day = _as_of(request)
    results = assess(
        data,
        as_of=day,
        actors=[actor_id],
        provisions=TRACKED,
        kinds=[actor.kind],
        version=settings.METHODOLOGY_VERSION,
    )
    cells = [(data.provisions[a.provision][2], a) for a in results]
    return render(request, "site/government.html", {"actor": actor, "cells": cells, "as_of": day})
