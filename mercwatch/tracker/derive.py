"""The methodology engine: plain data in, assessments out. No queries, no ORM.

For every actor and provision, at a date, it gives a level on the methodology's scale, the
rule that gave it, a confidence grade, and every contribution behind it with its sources.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.methodology import MethodologyFile


@dataclass(frozen=True)
class SourceRef:
    url: str
    kind: str  # primary | reprint | secondary
    published: PartialDate | None = None
    stance: str = "supports"
    retrieved: PartialDate | None = None

    @cached_property  # read for every contribution the engine grades: parse the URL once
    def host(self) -> str:
        host = urlsplit(self.url).hostname or self.url
        return host.removeprefix("www.")


@dataclass(frozen=True)
class EventIn:
    kind: str
    date: PartialDate


@dataclass(frozen=True)
class LinkIn:
    provision: str
    level: str
    rationale: str


@dataclass(frozen=True)
class MeasureIn:
    id: str
    actor: str
    title: str
    date: PartialDate
    sources: tuple[SourceRef, ...]
    links: tuple[LinkIn, ...]
    events: tuple[EventIn, ...] = ()


@dataclass(frozen=True)
class MembershipIn:
    actor: str
    framework: str
    role: str
    since: PartialDate | None
    until: PartialDate | None
    sources: tuple[SourceRef, ...]
    framework_title: str = ""


@dataclass(frozen=True)
class OverrideIn:
    actor: str
    provision: str
    level: str
    rationale: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class ActorIn:
    id: str
    kind: str
    name: str
    not_assessed: str = ""  # why the methodology does not assess this actor at all, if it does not


@dataclass(frozen=True)
class ProvisionIn:
    code: str
    framework: str
    addressees: tuple[str, ...]


@dataclass(frozen=True)
class Inputs:
    actors: tuple[ActorIn, ...]
    provisions: tuple[ProvisionIn, ...]
    measures: tuple[MeasureIn, ...] = ()
    memberships: tuple[MembershipIn, ...] = ()
    overrides: tuple[OverrideIn, ...] = ()


@dataclass(frozen=True)
class Contribution:
    """One measure or membership behind an assessment."""

    kind: str  # measure | membership
    id: str
    title: str
    date: PartialDate | None
    link_level: str
    rationale: str
    sources: tuple[SourceRef, ...]
    confidence: str
    disputed: bool
    decisive: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "date": None if self.date is None else str(self.date),
            "link_level": self.link_level,
            "rationale": self.rationale,
            "confidence": self.confidence,
            "disputed": self.disputed,
            "decisive": self.decisive,
            "sources": [s.url for s in self.sources if s.stance == "supports"],
            "disputed_by": [s.url for s in self.sources if s.stance == "disputes"],
        }


@dataclass(frozen=True)
class Assessment:
    actor: str
    provision: str
    as_of: dt.date
    level: str
    label: str
    score: int | None
    derived: bool
    confidence: str | None
    methodology: str
    rule: str
    text: str
    contributions: tuple[Contribution, ...] = ()
    override: dict[str, Any] | None = field(default=None)

    def as_dict(self) -> dict[str, Any]:
        """Give the assessment as published: JSON-ready, keys in a fixed order."""
        return {
            "actor": self.actor,
            "provision": self.provision,
            "as_of": self.as_of.isoformat(),
            "level": self.level,
            "label": self.label,
            "score": self.score,
            "derived": self.derived,
            "confidence": self.confidence,
            "methodology": self.methodology,
            "explanation": {
                "rule": self.rule,
                "text": self.text,
                "measures": [c.as_dict() for c in self.contributions if c.kind == "measure"],
                "memberships": [c.as_dict() for c in self.contributions if c.kind == "membership"],
                "override": self.override,
            },
        }


def _same(a: Any, b: Any) -> bool:
    return a is b or a == b


def _fresh_measures(
    before: tuple[MeasureIn, ...], after: tuple[MeasureIn, ...]
) -> tuple[list[MeasureIn], set[str]]:
    """Give the measures of `after` that are not in `before` as the same objects, and the IDs
    of `before`'s measures `after` no longer has (records both share are the same objects:
    store/current.py patches so, so that a write's few records are found by identity; others
    are compared by value)."""
    if len(before) == len(after):
        pairs = [(m, old) for m, old in zip(after, before, strict=True) if not _same(m, old)]
        if all(m.id == old.id for m, old in pairs):  # the same IDs in the same places
            return [m for m, _old in pairs], set()
    held = {m.id: m for m in before}
    now = {m.id for m in after}
    return [m for m in after if not _same(held.get(m.id), m)], set(held) - now


def _changed_actors(
    before: Inputs, after: Inputs, fresh: list[MeasureIn], dropped: set[str]
) -> set[str]:
    """Give the actors whose inputs differ between two engines' inputs: those of the fresh and
    the dropped measures (with the actor a changed measure had before), of actors that are new,
    gone or changed, and of memberships and overrides that differ."""
    changed = {m.actor for m in fresh}
    if before.actors is not after.actors:
        if len(before.actors) == len(after.actors):
            pairs = [
                (a, old)
                for a, old in zip(after.actors, before.actors, strict=True)
                if not _same(a, old)
            ]
            changed.update(a.id for pair in pairs for a in pair)
        else:
            changed.update({a.id for a in after.actors} ^ {a.id for a in before.actors})
            held = {a.id: a for a in before.actors}
            changed.update(a.id for a in after.actors if not _same(held.get(a.id), a))
    fresh_ids = {m.id for m in fresh} | dropped
    if fresh_ids:
        changed.update(m.actor for m in before.measures if m.id in fresh_ids)
    for mine, theirs in (
        (after.memberships, before.memberships),
        (after.overrides, before.overrides),
    ):
        if mine is not theirs:
            changed.update(record.actor for record in {*mine} ^ {*theirs})
    return changed


def _links(measures: Iterable[MeasureIn]) -> dict[tuple[str, str], list[tuple[MeasureIn, LinkIn]]]:
    """Give each (actor, provision) the measures linked to it, with the link, in file order."""
    found: dict[tuple[str, str], list[tuple[MeasureIn, LinkIn]]] = defaultdict(list)
    for measure in measures:
        for link in measure.links:
            found[(measure.actor, link.provision)].append((measure, link))
    return dict(found)


def _by_actor(memberships: Iterable[MembershipIn]) -> dict[str, list[MembershipIn]]:
    found: dict[str, list[MembershipIn]] = defaultdict(list)
    for membership in memberships:
        found[membership.actor].append(membership)
    return dict(found)


def _restamp(found: Assessment, day: dt.date) -> Assessment:
    """Give an assessment derived for the first day of a stretch as of `day` in that stretch:
    the same level, rule, contributions and text (which names no day: the reader's page or
    answer gives the date, as precisely as it is known)."""
    if found.as_of == day:
        return found
    # As `dataclasses.replace(found, as_of=day)`, which calls __init__ again: a scorecard
    # restamps some 1,400 cells, and replace() was a tenth of its first request after a write.
    stamped = object.__new__(Assessment)
    stamped.__dict__.update(found.__dict__, as_of=day)
    return stamped


def grade(method: MethodologyFile, sources: Sequence[SourceRef]) -> str:
    """Give the confidence grade of a contribution from its supporting sources."""
    supporting = [s for s in sources if s.stance == "supports"]
    primary = sum(1 for s in supporting if s.kind in {"primary", "reprint"})
    independent = len({s.host for s in supporting})
    for candidate in method.confidence:
        if primary >= candidate.min_primary and independent >= candidate.min_independent:
            return candidate.code
    return method.confidence[-1].code


def _starts(date: PartialDate | None) -> dt.date | None:
    # Conservative: a start known only to the month counts from the month's last day.
    return None if date is None else date.last_day()


def _ends(date: PartialDate | None) -> dt.date | None:
    # Conservative: an end known only to the month counts from the month's first day.
    return None if date is None else date.first_day()


def in_force_dates(
    method: MethodologyFile, measure: MeasureIn
) -> tuple[PartialDate, PartialDate | None]:
    """Give the dates, as precise as known, a measure starts and stops counting."""
    start: PartialDate = measure.date
    for kind in method.in_force.start_events:
        dated = [e.date for e in measure.events if e.kind == kind]
        if dated:
            start = min(dated, key=PartialDate.sort_key)
            break
    ends = [e.date for e in measure.events if e.kind in method.in_force.end_events]
    return start, min(ends, key=PartialDate.sort_key) if ends else None


def in_force_window(method: MethodologyFile, measure: MeasureIn) -> tuple[dt.date, dt.date | None]:
    """Give the first day a measure counts and the first day it no longer does."""
    start, end = in_force_dates(method, measure)
    start_day = _starts(start)
    assert start_day is not None
    return start_day, _ends(end)


def _active(since: dt.date | None, until: dt.date | None, day: dt.date) -> bool:
    return since is not None and since <= day and (until is None or day < until)


def membership_known_since(membership: MembershipIn) -> PartialDate | None:
    """Give the date, as precise as known, a membership counts from: its start or, when that is
    unknown, the publication of the earliest dated source that reports it or, when no source is
    dated, the earliest day one of them was retrieved (read) for mercwatch; else None."""
    if membership.since is not None:
        return membership.since
    for dates in (
        [s.published for s in membership.sources if s.published is not None],
        [s.retrieved for s in membership.sources if s.retrieved is not None],
    ):
        if dates:
            return min(dates, key=PartialDate.sort_key)
    return None


def membership_since(membership: MembershipIn) -> dt.date | None:
    """Give the first day a membership counts (the last day of `membership_known_since`, to be
    conservative); with no date at all, it never counts."""
    return _starts(membership_known_since(membership))


def membership_active(membership: MembershipIn, day: dt.date) -> bool:
    """Tell whether a membership counts on `day` (from `membership_since`, until its end)."""
    return _active(membership_since(membership), _ends(membership.until), day)


Cells = dict[tuple[str, dt.date], "Assessment"]  # one actor's: (provision, first day) → level


class Engine:
    """Derives assessments from one set of inputs under one methodology.

    A cell's level can change only on the days a contribution starts or stops counting
    (`change_days`). So each cell is derived once per stretch between two such days and any
    date is answered by looking its stretch up: the engine keeps what it derived, which the
    data bounds (the number of stretches), not the dates readers ask for. An engine built with
    `previous`, the engine of the data before a write, takes over what that one derived for
    every actor whose inputs are the same, so a write re-derives only the actors it touched.
    """

    def __init__(self, method: MethodologyFile, inputs: Inputs, previous: Engine | None = None):
        self.method = method
        self.inputs = inputs
        self.provisions = {p.code: p for p in inputs.provisions}
        if previous is not None and not self._same_rules(previous):
            previous = None
        self._kept: dict[str, dict[str, Any]] = {}
        self.changed: frozenset[str] | None = None  # the actors re-derived, if `previous` given
        if previous is None:
            self.windows = {m.id: in_force_window(method, m) for m in inputs.measures}
            self.links = _links(inputs.measures)
            self.memberships = _by_actor(inputs.memberships)
            self.overrides = {(o.actor, o.provision): o for o in inputs.overrides}
            return
        # After a write: what the actors the write did not touch have is the previous engine's
        # (the same objects), what the touched ones have is derived again.
        fresh, dropped = _fresh_measures(previous.inputs.measures, inputs.measures)
        changed = _changed_actors(previous.inputs, inputs, fresh, dropped)
        self.windows = dict(previous.windows)
        for m_id in dropped:
            del self.windows[m_id]
        for m in fresh:
            self.windows[m.id] = in_force_window(method, m)
        self.links = {key: found for key, found in previous.links.items() if key[0] not in changed}
        self.links.update(_links(m for m in inputs.measures if m.actor in changed))
        same_members = inputs.memberships is previous.inputs.memberships
        self.memberships = previous.memberships if same_members else _by_actor(inputs.memberships)
        self.overrides = (
            previous.overrides
            if inputs.overrides is previous.inputs.overrides
            else {(o.actor, o.provision): o for o in inputs.overrides}
        )
        self.changed = frozenset(changed)
        self._kept = {a: kept for a, kept in previous._kept.items() if a not in changed}

    def _same_rules(self, other: Engine) -> bool:
        return self.method == other.method and self.inputs.provisions == other.inputs.provisions

    def kept(self, actor_id: str) -> dict[str, Any]:
        """Give what is derived from this actor's inputs alone (its change days, its cells, and
        what readers such as tracker/changes.py keep there), handed on to the next engine while
        the actor's inputs stay the same."""
        found = self._kept.get(actor_id)
        if found is None:
            found = self._kept.setdefault(actor_id, {"days": {}, "cells": {}})
        return found

    def change_days(self, actor_id: str, provision_code: str) -> tuple[dt.date, ...]:
        """Give the days, in order, on which something behind the cell starts or stops
        counting: between two of them its level, rule and contributions stay the same."""
        days_of: dict[str, tuple[dt.date, ...]] = self.kept(actor_id)["days"]
        found = days_of.get(provision_code)
        if found is None:
            days: set[dt.date | None] = set()
            for measure, _link in self.links.get((actor_id, provision_code), ()):
                days.update(self.windows[measure.id])
            for m in self.memberships.get(actor_id, ()):
                days.update((membership_since(m), _ends(m.until)))
            override = self.overrides.get((actor_id, provision_code))
            if override is not None:
                days.update((_starts(override.since), _ends(override.until)))
            found = tuple(sorted(d for d in days if d is not None))
            days_of[provision_code] = found
        return found

    def assess(self, actor: ActorIn, provision_code: str, day: dt.date) -> Assessment:
        """Give the assessment of one actor on one provision at `day`."""
        days = self.change_days(actor.id, provision_code)
        index = bisect_right(days, day)
        first = days[index - 1] if index else dt.date.min  # the first day of day's stretch
        cells: Cells = self.kept(actor.id)["cells"]
        found = cells.get((provision_code, first))
        if found is None:
            found = cells.setdefault(
                (provision_code, first), self._assess(actor, provision_code, first)
            )
        return _restamp(found, day)

    def timeline(self, actor: ActorIn, provision_code: str) -> list[Assessment]:
        """Give the cell's assessment from the start of each stretch, oldest first (the first
        one holds for every day before the first change day)."""
        days = (dt.date.min, *self.change_days(actor.id, provision_code))
        return [self.assess(actor, provision_code, day) for day in days]

    def _assess(self, actor: ActorIn, provision_code: str, day: dt.date) -> Assessment:
        derived = self._derive(actor, self.provisions[provision_code], day)
        override = self.overrides.get((actor.id, provision_code))
        if override is None or not _active(
            _starts(override.since) or dt.date.min, _ends(override.until), day
        ):
            return derived
        level = self.method.level(override.level)
        return Assessment(
            actor=actor.id,
            provision=provision_code,
            as_of=day,
            level=level.code,
            label=level.label,
            score=level.score,
            derived=False,
            confidence=None,
            methodology=self.method.version,
            rule="override",
            text=f"Set by the editors: {override.rationale}",
            contributions=derived.contributions,
            override={
                "level": override.level,
                "rationale": override.rationale,
                "sources": [s.url for s in override.sources],
                "derived_level": derived.level,
                "derived_rule": derived.rule,
            },
        )

    def _result(
        self,
        actor: ActorIn,
        provision: ProvisionIn,
        day: dt.date,
        code: str,
        rule: str,
        text: str,
        contributions: tuple[Contribution, ...] = (),
        confidence: str | None = None,
    ) -> Assessment:
        level = self.method.level(code)
        return Assessment(
            actor=actor.id,
            provision=provision.code,
            as_of=day,
            level=code,
            label=level.label,
            score=level.score,
            derived=True,
            confidence=confidence,
            methodology=self.method.version,
            rule=rule,
            text=text,
            contributions=contributions,
        )

    def _derive(self, actor: ActorIn, provision: ProvisionIn, day: dt.date) -> Assessment:
        special = self.method.special
        addressed = {
            kind
            for addressee in provision.addressees
            for kind in self.method.addressees.get(addressee, ())  # type: ignore[call-overload]
        }
        if actor.kind not in addressed:
            return self._result(
                actor,
                provision,
                day,
                special.not_applicable,
                "not-addressed",
                f"This provision is addressed to {_words(provision.addressees)}, "
                f"not to a {actor.kind.replace('-', ' ')}.",
            )
        if actor.not_assessed:
            return self._result(
                actor, provision, day, special.not_assessed, "not-in-scope", actor.not_assessed
            )
        if not self.method.assesses(
            actor.kind, provision=provision.code, framework=provision.framework
        ):
            return self._result(
                actor,
                provision,
                day,
                special.not_assessed,
                "not-in-scope",
                f"Methodology {self.method.version} does not assess a "
                f"{actor.kind.replace('-', ' ')} on this provision yet.",
            )
        contributions = self._contributions(actor, provision, day)
        if not contributions:
            return self._result(
                actor,
                provision,
                day,
                special.no_evidence,
                "no-evidence",
                "No measure linked to this provision was in force on the day, "
                "and no membership implies a commitment.",
            )
        return self._combine(actor, provision, day, contributions)

    def _contributions(
        self, actor: ActorIn, provision: ProvisionIn, day: dt.date
    ) -> list[Contribution]:
        found: list[Contribution] = []
        for measure, link in self.links.get((actor.id, provision.code), ()):
            start, end = self.windows[measure.id]
            if not _active(start, end, day):
                continue
            found.append(
                Contribution(
                    kind="measure",
                    id=measure.id,
                    title=measure.title,
                    date=measure.date,
                    link_level=link.level,
                    rationale=link.rationale,
                    sources=measure.sources,
                    confidence=grade(self.method, measure.sources),
                    disputed=any(s.stance == "disputes" for s in measure.sources),
                )
            )
        for membership in self.memberships.get(actor.id, ()):
            if not membership_active(membership, day):
                continue
            for implied in self.method.implied:
                if implied.framework != membership.framework:
                    continue
                if implied.roles and membership.role not in implied.roles:
                    continue
                if provision.code not in implied.provisions:
                    continue
                found.append(
                    Contribution(
                        kind="membership",
                        id=f"{membership.framework}:{membership.actor}",
                        title=(
                            f"{membership.role.capitalize()} of the "
                            f"{membership.framework_title or membership.framework}"
                        ),
                        date=membership.since,
                        link_level=implied.level,
                        rationale=implied.rationale,
                        sources=membership.sources,
                        confidence=grade(self.method, membership.sources),
                        disputed=False,
                    )
                )
        return found

    def _combine(
        self,
        actor: ActorIn,
        provision: ProvisionIn,
        day: dt.date,
        contributions: list[Contribution],
    ) -> Assessment:
        rank = self.method.rank
        grades = [g.code for g in self.method.confidence]
        undisputed = [c for c in contributions if not c.disputed]
        best = max((rank(c.link_level) for c in undisputed), default=-1)
        beyond = [c for c in contributions if c.disputed and rank(c.link_level) > best]
        ordered = sorted(
            contributions,
            key=lambda c: (-rank(c.link_level), c.date.sort_key() if c.date else (0,)),
        )
        if beyond:
            marked = tuple(replace(c, decisive=c in beyond) for c in ordered)
            fallback = (
                self.method.link_levels[best] if best >= 0 else self.method.special.no_evidence
            )
            return self._result(
                actor,
                provision,
                day,
                self.method.special.contested,
                "contested",
                f"Sources disagree on {len(beyond)} measure(s) that would raise the level above "
                f"{fallback}; both sides are kept below.",
                marked,
                confidence=None,
            )
        top = self.method.link_levels[best]
        marked = tuple(replace(c, decisive=c.link_level == top) for c in ordered)
        decisive = [c for c in marked if c.decisive]
        confidence = min((grades.index(c.confidence) for c in decisive), default=len(grades) - 1)
        rule = (
            "highest-link"
            if any(c.kind == "measure" for c in decisive)
            else ("implied-by-membership")
        )
        text = (
            f"The highest level among {len(marked)} contribution(s) in force on the day "
            f"is {self.method.level(top).label}."
        )
        return self._result(
            actor, provision, day, top, rule, text, marked, confidence=grades[confidence]
        )


def _words(addressees: Sequence[str]) -> str:
    """Give addressees as words: ("governments", "civil-society") → "governments, civil society"."""
    return ", ".join(a.replace("-", " ") for a in addressees)
