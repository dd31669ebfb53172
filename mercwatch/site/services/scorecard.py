"""The scorecard: governments × the seven government recommendations, filtered and sorted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.site.services import geometry
from mercwatch.site.services.moment import BadInput, Moment
from mercwatch.store import current as cache
from mercwatch.tracker.derive import Assessment, MembershipIn, membership_active
from mercwatch.tracker.services.assessments import provisions_assessed
from mercwatch.tracker.snapshot import Actor, Snapshot
from mercwatch.tracker.states import not_assessed_reason

FILTERS = {"paris": "paris-call", "joint": "joint-statement", "pallmall": "pall-mall-code"}


def tracked(data: Snapshot, version: str | None = None) -> tuple[str, ...]:
    """Give the scorecard's columns: the provisions the methodology assesses governments on
    (its scope), in the files' order."""
    method = cache.methodology(data, version)
    return cache.memo(
        data,
        ("tracked", method.version),
        lambda: provisions_assessed(data, method, GOVERNMENT_KINDS),
    )


def sorts(data: Snapshot, version: str | None = None) -> tuple[str, ...]:
    """Give the scorecard's sortable columns: name, total and each tracked provision."""
    return ("name", "total", *tracked(data, version))


@dataclass(frozen=True)
class Query:
    """What the reader asked of the scorecard."""

    members: tuple[str, ...] = ()  # framework IDs the government must be a member of
    region: str = ""
    evidence: bool = False
    sort: str = "total"
    descending: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "members": list(self.members),
            "region": self.region or None,
            "evidence": self.evidence,
            "sort": self.sort,
            "order": "desc" if self.descending else "asc",
        }


@dataclass
class Row:
    actor: Actor
    cells: list[Assessment]
    total: int
    region: str
    memberships: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.actor.id,
            "name": self.actor.name,
            "region": self.region or None,
            "memberships": self.memberships,
            "total": self.total,
            "cells": [
                {"provision": c.provision, "level": c.level, "label": c.label, "score": c.score}
                for c in self.cells
            ],
        }


def query_from(data: Snapshot, moment: Moment, params: dict[str, str]) -> Query:
    """Give the scorecard query from the request's parameters; unknown values are errors."""
    members = tuple(fw for key, fw in FILTERS.items() if params.get(key) in {"1", "on"})
    region = params.get("region", "")
    if region and region not in geometry.regions():
        raise BadInput(
            _("region: expected one of %(regions)s, got %(value)r")
            % {"regions": ", ".join(geometry.regions()), "value": region}
        )
    sort = params.get("sort", "total") or "total"
    if sort not in sorts(data, moment.version):
        raise BadInput(
            _("sort: expected name, total or a recommendation code, got %(value)r")
            % {"value": sort}
        )
    order = params.get("order", "")
    if order not in {"", "asc", "desc"}:
        raise BadInput(_("order: expected asc or desc, got %(value)r") % {"value": order})
    descending = order == "desc" if order else sort != "name"
    evidence = params.get("evidence") in {"1", "on"}
    return Query(members, region, evidence, sort, descending)


def governments(data: Snapshot) -> tuple[str, ...]:
    """Give every assessed government's ID (UN member and observer states and bodies such as the
    EU; not places such as Antarctica: tracker/states.py), in name order."""
    return cache.memo(
        data,
        ("governments",),
        lambda: tuple(
            a.id
            for a in sorted(data.actors.values(), key=lambda a: a.name)
            if a.kind in GOVERNMENT_KINDS and not not_assessed_reason(a)
        ),
    )


def memberships_of(data: Snapshot) -> dict[str, list[MembershipIn]]:
    """Give each actor's memberships as the engine reads them, once per data version."""

    def build() -> dict[str, list[MembershipIn]]:
        by_actor: dict[str, list[MembershipIn]] = {}
        for m in cache.inputs(data).memberships:
            by_actor.setdefault(m.actor, []).append(m)
        return by_actor

    return cache.memo(data, ("memberships",), build)


def memberships_at(data: Snapshot, actor: str, day: dt.date) -> list[str]:
    """Give the frameworks `actor` was a member of on `day`, counted as the engine counts them
    (`derive.membership_active`: an unknown start counts from the earliest dated report)."""
    found: list[str] = []
    for m in memberships_of(data).get(actor, ()):
        if m.framework not in found and membership_active(m, day):
            found.append(m.framework)
    return sorted(found, key=list(data.memberships).index)


def all_rows(data: Snapshot, moment: Moment) -> list[Row]:
    """Give every government's row at the moment, cached per data version."""

    def build() -> list[Row]:
        ids = governments(data)
        columns = tracked(data, moment.version)
        cells = cache.grid(data, moment.version, ids, columns, moment.day)
        regions = geometry.region_of()
        rows = []
        for actor_id in ids:
            row_cells = [cells[(actor_id, code)] for code in columns]
            rows.append(
                Row(
                    data.actors[actor_id],
                    row_cells,
                    sum(c.score or 0 for c in row_cells),
                    regions.get(actor_id, ""),
                    memberships_at(data, actor_id, moment.day),
                )
            )
        return rows

    return cache.memo(data, ("rows", moment.version, moment.day), build)


def _sort_key(columns: tuple[str, ...], sort: str) -> Any:
    if sort == "name":
        return lambda r: r.actor.name
    if sort == "total":
        return lambda r: r.total
    index = columns.index(sort)
    return lambda r: r.cells[index].score if r.cells[index].score is not None else -1


def rows_for(data: Snapshot, moment: Moment, query: Query) -> list[Row]:
    """Give the rows the query selects, in its order (ties by name)."""
    rows = [
        r
        for r in all_rows(data, moment)
        if all(fw in r.memberships for fw in query.members)
        and (not query.region or r.region == query.region)
        and (not query.evidence or any(c.contributions or c.score for c in r.cells))
    ]
    rows.sort(key=lambda r: r.actor.name)
    rows.sort(key=_sort_key(tracked(data, moment.version), query.sort), reverse=query.descending)
    return rows


def headline(data: Snapshot, moment: Moment, rows: list[Row]) -> list[dict[str, Any]]:
    """Give, per recommendation, how many of `rows` have any evidence, and at which levels."""
    out = []
    for index, code in enumerate(tracked(data, moment.version)):
        levels: dict[str, int] = {}
        for r in rows:
            if r.cells[index].score:
                levels[r.cells[index].label] = levels.get(r.cells[index].label, 0) + 1
        out.append(
            {
                "provision": code,
                "number": data.provisions[code].number,
                "title": data.provisions[code].title,
                "with_evidence": sum(levels.values()),
                "levels": levels,
            }
        )
    return out


def human(date: PartialDate | None) -> str:
    return _("date unknown") if date is None else date.human()
