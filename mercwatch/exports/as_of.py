"""The records of a dataset as known on one day: what had begun by then, with no later end.

Valid time is the only time the records carry (record time starts with the database), so "known
on day D" is read from their own dates, with the engine's conservative reading of partial dates:
a start known only to the month or year counts from its last day, an end from its first day.
docs/exports.md states the rule; `records_as_of` is its one implementation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.derive import membership_since
from mercwatch.tracker.services.inputs import inputs_from
from mercwatch.tracker.snapshot import Actor, Cite, Measure, Membership, Snapshot


def begun(date: PartialDate | None, day: dt.date) -> bool:
    """Tell whether a start (None: unknown) is known to have come by `day`."""
    return date is None or date.last_day() <= day


def ended(date: PartialDate | None, day: dt.date) -> PartialDate | None:
    """Give an end if it had come by `day`, else None (on `day`, it had not ended)."""
    return date if date is not None and date.first_day() <= day else None


def _measure(m: Measure, day: dt.date, actors: set[str]) -> Measure | None:
    dates = [m.date, *(e.date for e in m.events)]
    if not any(begun(d, day) for d in dates):
        return None
    events = tuple(e for e in m.events if begun(e.date, day))
    targets = tuple(
        replace(t, until=ended(t.until, day))
        for t in m.targets
        if t.actor in actors and begun(t.since, day)
    )
    return replace(m, events=events, targets=targets)


def _actor(a: Actor, day: dt.date, actors: set[str]) -> Actor:
    ties = tuple(
        replace(r, until=ended(r.until, day))
        for r in a.relationships
        if r.object in actors and begun(r.since, day)
    )
    country = a.country if a.country in actors else None
    return replace(a, relationships=ties, country=country)


def _members(data: Snapshot, day: dt.date, actors: set[str]) -> dict[str, tuple[Membership, ...]]:
    engine_view = iter(inputs_from(data).memberships)
    kept: dict[str, list[Membership]] = {}
    for framework, members in data.memberships.items():
        kept[framework] = []
        for member in members:
            since = membership_since(next(engine_view))
            if member.actor in actors and (since is None or since <= day):
                until = ended(member.until, day)
                kept[framework].append(replace(member, until=until))
    return {framework: tuple(members) for framework, members in kept.items()}


def _cited(data: Snapshot) -> set[str]:
    cites: list[Iterable[Cite]] = [fw.sources for fw in data.frameworks.values()]
    for a in data.actors.values():
        cites += [a.sources, *(r.sources for r in a.relationships)]
        cites += [p.sources for p in a.products]
    cites += [m.sources for members in data.memberships.values() for m in members]
    for m in data.measures.values():
        cites += [m.sources, *(e.sources for e in m.events)]
    cites += [o.sources for o in data.overrides]
    return {c.source for group in cites for c in group}


def records_as_of(data: Snapshot, day: dt.date) -> Snapshot:
    """Give the records of `data` known on `day`, each as it stood then.

    Kept: actors not surely founded after `day` ("2023" may be before); measures whose date or
    one of whose events had come (with only those events); memberships, relationships, targets
    and overrides that had begun or have no start; sources cited by what is kept, and those
    cited by nothing unless published later; editions as of `day` or earlier. An end after
    `day` is dropped. Frameworks, provisions, methodologies and listings are kept whole.
    """
    actors = {i for i, a in data.actors.items() if not a.founded or a.founded.first_day() <= day}
    measures = {}
    for mid, measure in data.measures.items():
        known = _measure(measure, day, actors) if measure.actor in actors else None
        if known is not None:
            measures[mid] = known
    kept = Snapshot(
        frameworks=data.frameworks,
        provisions=data.provisions,
        actors={i: _actor(a, day, actors) for i, a in data.actors.items() if i in actors},
        memberships=_members(data, day, actors),
        measures=measures,
        overrides=tuple(
            replace(o, until=ended(o.until, day))
            for o in data.overrides
            if o.actor in actors and begun(o.since, day)
        ),
        methodologies=data.methodologies,
        editions=tuple(e for e in data.editions if e.as_of <= day),
        # Imported candidates are undated: kept, matched only to the actors kept.
        listings={
            k: x if x.actor is None or x.actor in actors else replace(x, actor=None)
            for k, x in data.listings.items()
        },
    )
    cited, anywhere = _cited(kept), _cited(data)
    return replace(
        kept,
        sources={
            i: s
            for i, s in data.sources.items()
            if i in cited or (i not in anywhere and begun(s.published, day))
        },
    )
