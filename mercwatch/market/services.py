"""Who is designated, directly or through a tie: the one rule the vendor pages, screening and
exports use.

A designation is a measure's target with the role `designated`, dated by the target's own
`since`/`until` (else the measure's date and its end events). An actor is *affiliated* with a
designation when an actor it is tied to by one ownership, membership or group relationship
(either way round; a customer is not affiliated) is designated while that tie holds. A removal
(`until`) ends a designation: on a later day it no longer counts, and a page shows it as removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.snapshot import Measure, Relationship, Snapshot, Target

DESIGNATED = "designated"
END_EVENTS = frozenset({"repealed", "ended"})
AFFILIATING = frozenset(
    {"subsidiary", "owner", "part-of", "member", "successor", "founder", "executive"}
)


@dataclass(frozen=True)
class Tie:
    """A relationship as recorded: `subject` is `kind` of `object` (e.g. part of)."""

    subject: str
    kind: str
    object: str
    since: PartialDate | None
    until: PartialDate | None
    note: str
    sources: tuple[str, ...]

    def other(self, actor: str) -> str:
        """Give the actor at the other end of the tie from `actor`."""
        return self.object if self.subject == actor else self.subject


@dataclass(frozen=True)
class Designation:
    """A designation of `target` by the measure of `by`; `via` is None when it is `target`'s own,
    else the tie through which the actor asked about is affiliated with it."""

    measure: str
    by: str
    target: str
    since: PartialDate
    until: PartialDate | None
    note: str
    via: Tie | None = None

    @property
    def removed(self) -> bool:
        """Tell whether the designation was lifted (it has an end)."""
        return self.until is not None

    def counts_on(self, day: dt.date) -> bool:
        """Tell whether the designation is in force on `day`."""
        return _holds(self.since, self.until, day)


def _holds(since: PartialDate | None, until: PartialDate | None, day: dt.date) -> bool:
    # Conservative, as the engine counts: from the last day a start can mean, to the first
    # day an end can mean.
    return (since is None or since.last_day() <= day) and (until is None or day < until.first_day())


def _overlap(a: tuple[PartialDate | None, PartialDate | None], b: Designation) -> bool:
    """Tell whether a tie's dates and a designation's can share a day."""
    since, until = a
    tie_start = since.first_day() if since else dt.date.min
    tie_end = until.last_day() if until else dt.date.max
    return b.since.first_day() <= tie_end and (b.until is None or tie_start < b.until.last_day())


def _tie(subject: str, r: Relationship) -> Tie:
    return Tie(
        subject, r.kind, r.object, r.since, r.until, r.note, tuple(c.source for c in r.sources)
    )


def own_ties(data: Snapshot, actor: str) -> list[Tie]:
    """Give the relationships `actor` records itself (it is their subject)."""
    own = data.actors[actor].relationships if actor in data.actors else ()
    return [_tie(actor, r) for r in own]


def ties_of(data: Snapshot, actor: str) -> list[Tie]:
    """Give every relationship of `actor`, its own first, then those that point at it."""
    found = own_ties(data, actor)
    found.extend(_tie(subject, r) for subject, r in data.relationships_to.get(actor, ()))
    return found


def designation(measure: Measure, target: Target) -> Designation | None:
    """Give the designation a measure's target stands for (None unless its role is
    `designated`): from the target's `since`, else the measure's date, to its `until`, else the
    first end event of the measure (a removal)."""
    if target.role != DESIGNATED:
        return None
    ends = [e.date for e in measure.events if e.kind in END_EVENTS]
    until = target.until or (min(ends, key=PartialDate.sort_key) if ends else None)
    since = target.since or measure.date
    return Designation(measure.id, measure.actor, target.actor, since, until, target.note)


def direct_designations(data: Snapshot, actor: str) -> list[Designation]:
    """Give the designations that name `actor` itself, oldest first."""
    found = [designation(m, t) for m, t in data.measures_by_target.get(actor, ())]
    return sorted(
        (d for d in found if d is not None), key=lambda d: (d.since.sort_key(), d.measure)
    )


def designations_of(data: Snapshot, actor: str, *, on: dt.date | None = None) -> list[Designation]:
    """Give `actor`'s own designations, then those it is affiliated with through one tie, each
    with that tie; with `on`, only those in force that day through a tie that holds that day.
    A designation reached through two ties with the same actor (a member that is also an
    owner) is given once, through the first."""
    found = direct_designations(data, actor)
    for tie in ties_of(data, actor):
        if tie.kind not in AFFILIATING:
            continue
        for d in direct_designations(data, tie.other(actor)):
            if _overlap((tie.since, tie.until), d):
                found.append(
                    Designation(d.measure, d.by, d.target, d.since, d.until, d.note, via=tie)
                )
    if on is not None:
        found = [
            d
            for d in found
            if d.counts_on(on) and (d.via is None or _holds(d.via.since, d.via.until, on))
        ]
    seen: set[tuple[str, str, bool]] = set()
    unique = []
    for d in found:
        key = (d.measure, d.target, d.via is None)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique
