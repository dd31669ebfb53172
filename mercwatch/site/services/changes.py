"""What changed between two dates or two editions, for the changes page and the feeds."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any

from mercwatch.site.services import cache
from mercwatch.site.services.links import actor_url
from mercwatch.site.services.moment import BadInput, parse_day
from mercwatch.tracker.changes import Change, changes_between
from mercwatch.tracker.loader.validate import Dataset
from mercwatch.tracker.services.assessments import methodology_of

EPOCH = dt.date(1900, 1, 1)


def all_changes(data: Dataset, version: str | None, until: dt.date) -> list[Change]:
    """Give every level change up to `until`, oldest first.

    A change on a day depends only on the assessments the day before and the day itself, never
    on the end of the period asked for, so every change is derived once per data version and
    methodology, and each period is a slice of that one list."""
    method = methodology_of(data, version)
    every = cache.memo(
        data,
        ("changes", method.version),
        lambda: changes_between(method, cache.inputs(data), EPOCH, dt.date.max),
    )
    return every[: bisect_right(every, until, key=lambda c: c.date)]


def between(
    data: Dataset,
    version: str | None,
    since: dt.date,
    until: dt.date,
    *,
    actors: set[str] | None = None,
    provisions: set[str] | None = None,
) -> list[Change]:
    """Give the changes after `since` up to and including `until`, newest first."""
    return [
        c
        for c in reversed(all_changes(data, version, until))
        if since < c.date
        and (actors is None or c.actor in actors)
        and (provisions is None or c.provision in provisions)
    ]


def period_from(data: Dataset, params: dict[str, str], today: dt.date) -> dict[str, Any]:
    """Give the period a query asks for: `from`/`to` editions or `since`/`until` dates."""
    editions = {e.id: e for e in data.editions}
    start, end = params.get("from", ""), params.get("to", "")
    if start or end:
        for name, value in (("from", start), ("to", end)):
            if value not in editions:
                raise BadInput(f"{name}: no edition {value!r}")
        a, b = editions[start], editions[end]
        return {"since": a.as_of, "until": b.as_of, "version": b.methodology, "editions": (a, b)}
    dates = {}
    for name, default in (("since", today - dt.timedelta(days=3 * 365)), ("until", today)):
        value = params.get(name, "")
        dates[name] = parse_day(name, value) if value else default
    if dates["until"] < dates["since"]:
        raise BadInput("until: is before since")
    return {**dates, "version": None, "editions": None}


def describe(data: Dataset, change: Change) -> dict[str, Any]:
    """Give a change as the page and the feeds show it: names, not only IDs."""
    actor = data.actors[change.actor]
    provision = data.provisions[change.provision][2]
    causes = []
    for cause in change.causes:
        if cause in data.measures:
            causes.append({"id": cause, "title": data.measures[cause][3].title, "measure": True})
        else:
            causes.append({"id": cause, "title": cause, "measure": False})
    return {
        "change": change,
        "actor": actor,
        "provision": provision,
        "causes": causes,
        "url": actor_url(actor.id, actor.kind),
        "title": f"{actor.name}: {provision.number}. {provision.title} – "
        f"{change.before.label} → {change.after.label}",
    }
