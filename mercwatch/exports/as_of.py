"""The records of a dataset as known on one day: what had begun by then, with no later end.

Valid time is the only time the records carry (record time starts with the database), so "known
on day D" is read from their own dates, with the engine's conservative reading of partial dates:
a start known only to the month or year counts from its last day, an end from its first day.
docs/exports.md states the rule; `records_as_of` is its one implementation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.derive import membership_since
from mercwatch.tracker.loader.schemas import ActorFile, Cite, MeasureEntry, MemberEntry
from mercwatch.tracker.loader.validate import Dataset
from mercwatch.tracker.services.inputs import inputs_from


def begun(date: PartialDate | None, day: dt.date) -> bool:
    """Tell whether a start (None: unknown) is known to have come by `day`."""
    return date is None or date.last_day() <= day


def ended(date: PartialDate | None, day: dt.date) -> PartialDate | None:
    """Give an end if it had come by `day`, else None (on `day`, it had not ended)."""
    return date if date is not None and date.first_day() <= day else None


def _measure(m: MeasureEntry, day: dt.date, actors: set[str]) -> MeasureEntry | None:
    dates = [m.date, *(e.date for e in m.events)]
    if not any(begun(d, day) for d in dates):
        return None
    events = tuple(e for e in m.events if begun(e.date, day))
    targets = tuple(
        t.model_copy(update={"until": ended(t.until, day)})
        for t in m.targets
        if t.actor in actors and begun(t.since, day)
    )
    return m.model_copy(update={"events": events, "targets": targets})


def _actor(a: ActorFile, day: dt.date, actors: set[str]) -> ActorFile:
    ties = tuple(
        r.model_copy(update={"until": ended(r.until, day)})
        for r in a.relationships
        if r.object in actors and begun(r.since, day)
    )
    country = a.country if a.country in actors else None
    return a.model_copy(update={"relationships": ties, "country": country})


def _members(data: Dataset, day: dt.date, actors: set[str]) -> dict[str, list[MemberEntry]]:
    engine_view = iter(inputs_from(data).memberships)
    kept: dict[str, list[MemberEntry]] = {}
    for framework, members in data.memberships.items():
        kept[framework] = []
        for member in members:
            since = membership_since(next(engine_view))
            if member.actor in actors and (since is None or since <= day):
                until = ended(member.until, day)
                kept[framework].append(member.model_copy(update={"until": until}))
    return kept


def _cited(data: Dataset) -> set[str]:
    cites: list[Iterable[Cite]] = [fw.sources for fw in data.frameworks.values()]
    for a in data.actors.values():
        cites += [a.sources, *(r.sources for r in a.relationships)]
        cites += [p.sources for p in a.products]
    cites += [m.sources for members in data.memberships.values() for m in members]
    for _actor_id, _family, _pos, m in data.measures.values():
        cites += [m.sources, *(e.sources for e in m.events)]
    cites += [o.sources for o in data.overrides]
    return {c.source for group in cites for c in group}


def records_as_of(data: Dataset, day: dt.date) -> Dataset:
    """Give the records of `data` known on `day`, each as it stood then.

    Kept: actors not surely founded after `day` ("2023" may be before); measures whose date or
    one of whose events had come (with only those events); memberships, relationships, targets
    and overrides that had begun or have no start; sources cited by what is kept, and those
    cited by nothing unless published later; editions as of `day` or earlier. An end after
    `day` is dropped. Frameworks, provisions and methodologies are kept whole.
    """
    actors = {i for i, a in data.actors.items() if not a.founded or a.founded.first_day() <= day}
    kept = Dataset(
        frameworks=data.frameworks,
        provisions=data.provisions,
        actors={i: _actor(a, day, actors) for i, a in data.actors.items() if i in actors},
        methodologies=data.methodologies,
        editions=[e for e in data.editions if e.as_of <= day],
    )
    kept.memberships = _members(data, day, actors)
    for mid, (actor, family, pos, measure) in data.measures.items():
        known = _measure(measure, day, actors) if actor in actors else None
        if known is not None:
            kept.measures[mid] = (actor, family, pos, known)
    kept.overrides = [
        o.model_copy(update={"until": ended(o.until, day)})
        for o in data.overrides
        if o.actor in actors and begun(o.since, day)
    ]
    cited, anywhere = _cited(kept), _cited(data)
    kept.sources = {
        i: s
        for i, s in data.sources.items()
        if i in cited or (i not in anywhere and begun(s[2].published, day))
    }
    return kept
