"""What the government, company and organisation pages show (the market's pages: vendors.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mercwatch.site.services.explain import Shown, shown
from mercwatch.site.services.index import measures_of
from mercwatch.site.services.links import actor_url
from mercwatch.site.services.moment import Moment
from mercwatch.site.services.paging import At, page_of
from mercwatch.site.services.scorecard import memberships_of
from mercwatch.store import current as cache
from mercwatch.tracker.derive import membership_since
from mercwatch.tracker.services.assessments import methodology_of, provisions_assessed
from mercwatch.tracker.snapshot import Actor, Measure, NotFound, Snapshot, as_json
from mercwatch.tracker.states import not_assessed_reason


def actor_of(data: Snapshot, actor_id: str, kinds: set[str] | frozenset[str]) -> Actor:
    """Give the actor with this public ID if it is of one of `kinds`, else raise NotFound."""
    actor = data.actors.get(actor_id)
    if actor is None or actor.kind not in kinds:
        raise NotFound(actor_id)
    return actor


def provisions_for(data: Snapshot, kind: str, version: str | None) -> list[str]:
    """Give the provisions the methodology assesses this kind of actor on, in file order."""
    method = methodology_of(data, version)
    key = ("provisions-for", kind, method.version)
    return list(cache.memo(data, key, lambda: provisions_assessed(data, method, {kind})))


def memberships(data: Snapshot, actor_id: str) -> list[dict[str, Any]]:
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


def level_labels(data: Snapshot, version: str | None) -> dict[str, str]:
    """Give the methodology's label of each level code ("enforced": "Implemented and enforced")."""
    method = methodology_of(data, version)
    return cache.memo(
        data, ("level-labels", method.version), lambda: {lv.code: lv.label for lv in method.levels}
    )


def rule_texts(data: Snapshot, version: str | None) -> dict[str, str]:
    """Give the methodology's description of each rule that can set a level."""
    method = methodology_of(data, version)
    return cache.memo(
        data, ("rule-texts", method.version), lambda: {r.code: r.description for r in method.rules}
    )


def grade_labels(data: Snapshot, version: str | None) -> dict[str, str]:
    """Give the methodology's label of each confidence grade ("high": "High")."""
    method = methodology_of(data, version)
    return cache.memo(
        data, ("grade-labels", method.version), lambda: {g.code: g.label for g in method.confidence}
    )


def _shown(data: Snapshot, moment: Moment, actor_id: str, code: str) -> Shown:
    """Give the part of one assessment's explanation a page shows, once per data version."""
    return cache.memo(
        data,
        ("shown", moment.version, actor_id, code, moment.day),
        lambda: shown(
            cache.cell(data, moment.version, actor_id, code, moment.day),
            levels=level_labels(data, moment.version),
            rules=rule_texts(data, moment.version),
            grades=grade_labels(data, moment.version),
        ),
    )


TIMELINE_SHOWN = 50  # the most recent measures on an actor's page; the rest are a link away


def measures_at(data: Snapshot, actor_id: str, day: dt.date) -> tuple[list[Measure], int]:
    """Give an actor's measures that can be dated on or before `day`, oldest first (one known
    only as "2024" is, on 1 June 2024), and how many are later."""
    every = measures_of(data, actor_id)
    known = [m for m in every if m.date.first_day() <= day]
    return known, len(every) - len(known)


def _membership_json(m: dict[str, Any]) -> dict[str, Any]:
    return {
        **m,
        "since": _s(m["since"]),
        "until": _s(m["until"]),
        "counts_from": _s(m["counts_from"]),
    }


def actor_page(data: Snapshot, actor: Actor, moment: Moment) -> dict[str, Any]:
    """Give an actor's assessments on every provision it is assessed on, and its measures and
    memberships as of the moment (those that start later are counted or listed apart)."""
    codes = provisions_for(data, actor.kind, moment.version)
    cells = [(data.provisions[c], _shown(data, moment, actor.id, c)) for c in codes]
    measures, later = measures_at(data, actor.id, moment.day)
    recent = measures[-TIMELINE_SHOWN:]
    every = memberships(data, actor.id)
    member_of = [m for m in every if not _later(m, moment.day)]
    not_yet = [m for m in every if _later(m, moment.day)]
    return {
        "actor": actor,
        "not_assessed": not_assessed_reason(actor),
        "moment": moment,
        "cells": [(p, s.assessment, s) for p, s in cells],
        "total": sum(s.assessment.score or 0 for _p, s in cells),
        "measures": recent,
        "measures_total": len(measures),
        "measures_later": later,
        "uncertain": {m.id for m in recent if m.date.last_day() > moment.day},
        "moment_query": moment.query,
        "json": {
            "actor": as_json(actor, exclude_defaults=True),
            "as_of": moment.as_dict(),
            "not_assessed": not_assessed_reason(actor) or None,
            "assessments": [s.as_dict() for _p, s in cells],
            "measures": [m.id for m in recent],
            "measures_total": len(measures),
            "measures_later": later,
            "memberships": [_membership_json(m) for m in member_of],
            "memberships_later": [_membership_json(m) for m in not_yet],
        },
        "memberships": member_of,
        "memberships_later": not_yet,
    }


def _later(membership: dict[str, Any], day: dt.date) -> bool:
    """Tell whether a membership only counts after `day`."""
    return membership["counts_from"] is not None and membership["counts_from"] > day


def timeline_page(data: Snapshot, actor: Actor, at: At, moment: Moment) -> dict[str, Any]:
    """Give every measure of an actor as of the moment, oldest first, a page at a time."""
    measures, later = measures_at(data, actor.id, moment.day)
    pager = page_of(measures, at)
    return {
        "actor": actor,
        "pager": pager,
        "moment": moment,
        "measures_later": later,
        "json": {
            "actor": actor.id,
            "as_of": moment.as_dict(),
            **pager.as_dict(),
            "measures_later": later,
            "measures": [
                {"id": m.id, "title": m.title, "type": m.type, "date": str(m.date)}
                for m in pager.items
            ],
        },
    }


def evidence_page(
    data: Snapshot, actor: Actor, code: str, moment: Moment, at: At
) -> dict[str, Any]:
    """Give every contribution behind one of an actor's assessments, a page at a time."""
    if code not in provisions_for(data, actor.kind, moment.version):
        raise NotFound(code)
    a = cache.cell(data, moment.version, actor.id, code, moment.day)
    pager = page_of(a.contributions, at)
    return {
        "actor": actor,
        "provision": data.provisions[code],
        "a": a,
        "pager": pager,
        "shown": Shown(
            a,
            tuple(pager.items),
            0,
            level_labels(data, moment.version),
            rule_texts(data, moment.version),
            grade_labels(data, moment.version),
        ),
        "moment": moment,
        "moment_query": moment.query,
        "json": {
            "as_of": moment.as_dict(),
            **pager.as_dict(),
            "assessment": Shown(
                a, tuple(pager.items), len(a.contributions) - len(pager.items)
            ).as_dict(),
        },
    }


def directory(data: Snapshot, kinds: set[str]) -> list[dict[str, Any]]:
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
