"""What the government, company, organisation and vendor pages show."""

from __future__ import annotations

from typing import Any

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.site.services import cache
from mercwatch.site.services.explain import Shown, shown
from mercwatch.site.services.index import measures_of, related_to, targeted_by
from mercwatch.site.services.links import actor_url
from mercwatch.site.services.moment import Moment
from mercwatch.site.services.paging import At, page_of
from mercwatch.site.services.scorecard import TRACKED, memberships_of
from mercwatch.tracker.derive import membership_since
from mercwatch.tracker.loader.schemas import ActorFile
from mercwatch.tracker.loader.validate import Dataset
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.states import not_assessed_reason


class NotFound(LookupError):
    """No such public ID on this kind of page."""


def actor_of(data: Dataset, actor_id: str, kinds: set[str] | frozenset[str]) -> ActorFile:
    """Give the actor with this public ID if it is of one of `kinds`, else raise NotFound."""
    actor = data.actors.get(actor_id)
    if actor is None or actor.kind not in kinds:
        raise NotFound(actor_id)
    return actor


def provisions_for(data: Dataset, kind: str, version: str | None) -> list[str]:
    """Give the provisions the methodology assesses this kind of actor on, in file order."""
    if kind in GOVERNMENT_KINDS:
        return list(TRACKED)
    method = methodology_of(data, version)

    def build() -> tuple[str, ...]:
        return tuple(
            code
            for code, (fw, _parent, _entry) in data.provisions.items()
            if any(s.covers(provision=code, framework=fw, actor_kind=kind) for s in method.scope)
        )

    return list(cache.memo(data, ("provisions-for", kind, method.version), build))


def memberships(data: Dataset, actor_id: str) -> list[dict[str, Any]]:
    """Give every membership of the actor, with its framework's title, its dates and the day it
    counts from (its start or, when that is unknown, the earliest date a source reports it)."""
    counts_from = {
        (m.framework, m.role, m.since): membership_since(m)
        for m in memberships_of(data).get(actor_id, ())
    }
    found = []
    for framework, members in data.memberships.items():
        for m in members:
            if m.actor == actor_id:
                found.append(
                    {
                        "framework": framework,
                        "title": data.frameworks[framework].short_title,
                        "role": m.role,
                        "since": m.since,
                        "until": m.until,
                        "counts_from": counts_from.get((framework, m.role, m.since)),
                        "note": m.note,
                        "sources": [c.source for c in m.sources],
                    }
                )
    return found


def _shown(data: Dataset, moment: Moment, actor_id: str, code: str) -> Shown:
    """Give the part of one assessment's explanation a page shows, once per data version."""
    return cache.memo(
        data,
        ("shown", moment.version, actor_id, code, moment.day),
        lambda: shown(cache.cell(data, moment.version, actor_id, code, moment.day)),
    )


TIMELINE_SHOWN = 50  # the most recent measures on an actor's page; the rest are a link away


def actor_page(data: Dataset, actor: ActorFile, moment: Moment) -> dict[str, Any]:
    """Give an actor's assessments on every provision it is assessed on, measures, memberships."""
    codes = provisions_for(data, actor.kind, moment.version)
    cells = [(data.provisions[c][2], _shown(data, moment, actor.id, c)) for c in codes]
    measures = measures_of(data, actor.id)
    recent = measures[-TIMELINE_SHOWN:]
    member_of = memberships(data, actor.id)
    return {
        "actor": actor,
        "not_assessed": not_assessed_reason(actor),
        "cells": [(p, s.assessment, s) for p, s in cells],
        "total": sum(s.assessment.score or 0 for _p, s in cells),
        "measures": recent,
        "measures_total": len(measures),
        "moment_query": moment.query,
        "json": {
            "actor": actor.model_dump(mode="json", exclude_defaults=True),
            "as_of": moment.as_dict(),
            "not_assessed": not_assessed_reason(actor) or None,
            "assessments": [s.as_dict() for _p, s in cells],
            "measures": [m.id for m in recent],
            "measures_total": len(measures),
            "memberships": [
                {
                    **m,
                    "since": _s(m["since"]),
                    "until": _s(m["until"]),
                    "counts_from": _s(m["counts_from"]),
                }
                for m in member_of
            ],
        },
        "memberships": member_of,
    }


def timeline_page(data: Dataset, actor: ActorFile, at: At) -> dict[str, Any]:
    """Give every measure of an actor, oldest first, a page at a time."""
    pager = page_of(measures_of(data, actor.id), at)
    return {
        "actor": actor,
        "pager": pager,
        "json": {
            "actor": actor.id,
            **pager.as_dict(),
            "measures": [
                {"id": m.id, "title": m.title, "type": m.type, "date": str(m.date)}
                for m in pager.items
            ],
        },
    }


def evidence_page(
    data: Dataset, actor: ActorFile, code: str, moment: Moment, at: At
) -> dict[str, Any]:
    """Give every contribution behind one of an actor's assessments, a page at a time."""
    if code not in provisions_for(data, actor.kind, moment.version):
        raise NotFound(code)
    a = cache.cell(data, moment.version, actor.id, code, moment.day)
    pager = page_of(a.contributions, at)
    return {
        "actor": actor,
        "provision": data.provisions[code][2],
        "a": a,
        "pager": pager,
        "shown": Shown(a, tuple(pager.items), 0),
        "moment_query": moment.query,
        "json": {
            "as_of": moment.as_dict(),
            **pager.as_dict(),
            "assessment": Shown(
                a, tuple(pager.items), len(a.contributions) - len(pager.items)
            ).as_dict(),
        },
    }


def vendor_page(data: Dataset, actor: ActorFile) -> dict[str, Any]:
    """Give a market actor's designations, findings, relationships and products."""
    aimed: list[dict[str, Any]] = []
    for measure_id, role in targeted_by(data, actor.id):
        by, _family, _pos, m = data.measures[measure_id]
        aimed.append({"measure": m, "role": role, "by": data.actors[by]})
    aimed.sort(key=lambda x: x["measure"].date.sort_key())
    relationships = [
        {
            "kind": r.kind,
            "actor": data.actors[r.object],
            "since": r.since,
            "until": r.until,
            "note": r.note,
            "sources": [c.source for c in r.sources],
        }
        for r in actor.relationships
    ]
    inbound: list[dict[str, Any]] = [
        {"kind": kind, "actor": data.actors[other]} for other, kind in related_to(data, actor.id)
    ]
    return {
        "actor": actor,
        "designations": [a for a in aimed if a["role"] != "named"],
        "findings": [a for a in aimed if a["role"] == "named"],
        "relationships": relationships,
        "inbound": inbound,
        "json": {
            "actor": actor.model_dump(mode="json", exclude_defaults=True),
            "targeted_by": [
                {"measure": a["measure"].id, "role": a["role"], "by": a["by"].id} for a in aimed
            ],
            "related_from": [{"actor": i["actor"].id, "kind": i["kind"]} for i in inbound],
        },
    }


def directory(data: Dataset, kinds: set[str]) -> list[dict[str, Any]]:
    """Give the actors of `kinds` with how many measures each has and whether they are places
    that are not assessed, in name order."""
    return [
        {
            "actor": a,
            "url": actor_url(a.id, a.kind),
            "measures": len(measures_of(data, a.id)),
            "not_assessed": bool(not_assessed_reason(a)),
        }
        for a in sorted(data.actors.values(), key=lambda a: a.name.casefold())
        if a.kind in kinds
    ]


def _s(value: object) -> str | None:
    return None if value is None else str(value)
