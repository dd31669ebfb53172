"""What changed, and when: the dated level changes between two dates. Pure, like derive.py.

A level can only change on a day when a contribution starts or stops counting (a measure comes
into force or ends, a membership starts or ends, an override begins or lapses). For each such
day in the period, every cell it touches is assessed the day before and the day itself; a
different level is a change, dated that day, with the contributions that caused it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right, insort
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.derive import (
    ActorIn,
    Assessment,
    Engine,
    Inputs,
    _ends,
    _starts,
    in_force_dates,
    membership_known_since,
)
from mercwatch.tracker.methodology import MethodologyFile

Cell = tuple[str, str]

# The first day of every history: changes are looked for from it.
EPOCH = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class Change:
    """One cell whose level changed on `date`, the day it counts from; `known` is that date as
    precise as its causes know it (a membership known only as "2025" counts from 31 December
    2025, but a reader is told "2025")."""

    date: dt.date
    actor: str
    provision: str
    before: Assessment
    after: Assessment
    causes: tuple[str, ...]
    known: PartialDate | None = None

    @property
    def id(self) -> str:
        """A stable ID: the same data always gives the same ID."""
        return f"{self.date.isoformat()}/{self.actor}/{self.provision}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "actor": self.actor,
            "provision": self.provision,
            "before": {"level": self.before.level, "label": self.before.label},
            "after": {"level": self.after.level, "label": self.after.label},
            "causes": list(self.causes),
            "methodology": self.after.methodology,
        }


Causes = dict[str, PartialDate]  # each cause, with its date as known


def _boundaries(engine: Engine, actor: str) -> dict[dt.date, dict[str, Causes]]:
    """Give each day one of the actor's contributions starts or stops counting, with the
    provisions it touches and the causes."""
    days: dict[dt.date, dict[str, Causes]] = defaultdict(lambda: defaultdict(dict))
    for provision in engine.provisions:
        for measure, _link in engine.links.get((actor, provision), ()):
            start, end = engine.windows[measure.id]
            known_start, known_end = in_force_dates(engine.method, measure)
            days[start][provision][measure.id] = known_start
            if end is not None and known_end is not None:
                days[end][provision][measure.id] = known_end
    for m in engine.memberships.get(actor, ()):
        provisions = [
            code
            for implied in engine.method.implied
            if implied.framework == m.framework and (not implied.roles or m.role in implied.roles)
            for code in implied.provisions
        ]
        cause = f"{m.framework}:{m.actor}"
        since = membership_known_since(m)
        for day, known in ((_starts(since), since), (_ends(m.until), m.until)):
            if day is not None and known is not None:
                for code in provisions:
                    days[day][code][cause] = known
    for provision in engine.provisions:
        o = engine.overrides.get((actor, provision))
        if o is None:
            continue
        for day, known in ((_starts(o.since), o.since), (_ends(o.until), o.until)):
            if day is not None and known is not None:
                days[day][provision][f"override:{actor}:{provision}"] = known
    return days


def actor_changes(engine: Engine, actor: ActorIn) -> list[Change]:
    """Give every level change of one actor's cells, oldest first (kept with the actor's cells
    in the engine, so a write re-derives the changes of the actors it touched alone)."""
    kept = engine.kept(actor.id)
    found: list[Change] | None = kept.get("changes")
    if found is None:
        found = []
        for day, cells in sorted(_boundaries(engine, actor.id).items()):
            for code, causes in sorted(cells.items()):
                if code not in engine.provisions:
                    continue
                before = engine.assess(actor, code, day - dt.timedelta(days=1))
                after = engine.assess(actor, code, day)
                if before.level != after.level:
                    known = max(causes.values(), key=lambda d: d.precision)
                    found.append(
                        Change(day, actor.id, code, before, after, tuple(sorted(causes)), known)
                    )
        kept["changes"] = found
    return found


def every_change(engine: Engine, previous: list[Change] | None = None) -> list[Change]:
    """Give every level change after EPOCH, oldest first (day, then actor, then provision).

    `previous`, every change as the engine this one was built from had them (`Engine(previous=…)`),
    lends the changes of every actor the write did not touch (`engine.changed`): only the touched
    actors' changes are derived again and merged in."""
    if previous is None or engine.changed is None:
        return changes_between(engine.method, engine.inputs, EPOCH, dt.date.max, engine=engine)
    touched = engine.changed
    found = [c for c in previous if c.actor not in touched]
    for actor in engine.inputs.actors:
        if actor.id in touched:
            for change in actor_changes(engine, actor):
                if change.date > EPOCH:
                    insort(found, change, key=_order)  # a few, into thousands: no sort
    return found


def within(
    changes: list[Change],
    since: dt.date,
    until: dt.date,
    *,
    actors: set[str] | None = None,
    provisions: set[str] | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[Change]:
    """Give the changes of `changes` (oldest first) after `since` up to and including `until`,
    of `actors` and `provisions` if given: oldest first, or newest first; at most `limit`."""
    start = bisect_right(changes, since, key=lambda c: c.date)
    end = bisect_right(changes, until, key=lambda c: c.date)
    period = range(end - 1, start - 1, -1) if newest_first else range(start, end)
    found: list[Change] = []
    for index in period:
        if limit is not None and len(found) >= limit:
            break
        c = changes[index]
        if (actors is None or c.actor in actors) and (
            provisions is None or c.provision in provisions
        ):
            found.append(c)
    return found


def _order(change: Change) -> tuple[dt.date, str, str]:
    return (change.date, change.actor, change.provision)


def changes_between(
    method: MethodologyFile,
    inputs: Inputs,
    since: dt.date,
    until: dt.date,
    *,
    actors: set[str] | None = None,
    provisions: set[str] | None = None,
    engine: Engine | None = None,
) -> list[Change]:
    """Give every level change on a day after `since` up to and including `until`, oldest
    first (day, then actor, then provision); `engine`, if given, is the engine of `method` and
    `inputs`, whose cells it reuses."""
    engine = engine or Engine(method, inputs)
    found = [
        change
        for actor in inputs.actors
        if actors is None or actor.id in actors
        for change in actor_changes(engine, actor)
        if since < change.date <= until and (provisions is None or change.provision in provisions)
    ]
    found.sort(key=_order)
    return found
