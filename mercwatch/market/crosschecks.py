"""Cross-checks the joined graph of measures and relationships makes possible: pure functions of
a Snapshot, over the designations of the one rule (market/services.py).

1. `purchases_after_designation`: a government's reported contract with, or purchase from, a
   vendor (a procurement measure naming it, or a recorded `customer` tie) dated after that
   vendor's designation, its own or one it is affiliated with, while the designation held.
2. `investments_after_designation`: an investment in, or a new subsidiary or holding of, a
   designated vendor (an `owner` or `subsidiary` tie) that started after its designation.
3. `reappearances`: a designated entity, or one named in published findings or actions,
   that re-appears through a successor (a `successor` tie), or a designated entity recorded
   under a former name.

Each finding names both records (the later one and the designation or action it comes after),
the dates and the sources. `uncertain` is True when the dates as known do not settle the order
(a contract known only as "2024" and a designation of 5 March 2024): such a finding is kept
and says so, rather than dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.market.services import (
    DESIGNATED,
    Designation,
    Tie,
    designations_of,
    direct_designations,
    own_ties,
)
from mercwatch.tracker.snapshot import Snapshot

PURCHASE = "purchase-after-designation"
INVESTMENT = "investment-after-designation"
SUCCESSOR = "successor-of-designated"
SUCCESSOR_OF_NAMED = "successor-of-named"
RENAMED = "designated-under-former-name"
RULES = (PURCHASE, INVESTMENT, SUCCESSOR, SUCCESSOR_OF_NAMED, RENAMED)

PROCUREMENT = "procurement"
INVESTING = frozenset({"owner", "subsidiary"})


@dataclass(frozen=True)
class Earlier:
    """What a cross-check's later record comes after: a designation, or another action (a
    published finding that names the actor, a lawsuit…) by the measure `measure`."""

    measure: str
    by: str
    target: str
    role: str
    since: PartialDate
    until: PartialDate | None = None
    via: Tie | None = None


@dataclass(frozen=True)
class CrossCheck:
    """One finding: `subject` (the buyer, investor, successor or renamed entity) and `vendor`
    (the designated or named actor it concerns), the later record (`measure` or `tie`, dated
    `date`), what it comes after (`earlier`), and the sources of both."""

    rule: str
    subject: str
    vendor: str
    earlier: Earlier
    date: PartialDate | None
    measure: str | None = None
    tie: Tie | None = None
    former_name: str = ""
    uncertain: bool = False
    sources: tuple[str, ...] = ()

    @property
    def actors(self) -> frozenset[str]:
        """Give every actor the finding concerns (its pages show it)."""
        found = {self.subject, self.vendor, self.earlier.target}
        if self.earlier.via is not None:
            found |= {self.earlier.via.subject, self.earlier.via.object}
        return frozenset(found)

    def sort_key(self) -> tuple[tuple[int, int, int], str, str, str]:
        when = self.date or self.earlier.since
        return (when.sort_key(), self.rule, self.subject, self.vendor)


def _earlier(d: Designation) -> Earlier:
    return Earlier(d.measure, d.by, d.target, DESIGNATED, d.since, d.until, d.via)


def _order(day: PartialDate, earlier: Earlier) -> bool | None:
    """Tell whether `day` comes after `earlier` started and before it ended (and within the tie
    it holds through, if any): True when the dates as known settle it, None when they may, False
    when they rule it out."""
    via = earlier.via
    if via is not None and (
        (via.until is not None and via.until.last_day() < day.first_day())
        or (via.since is not None and day.last_day() < via.since.first_day())
    ):
        return False  # the tie that affiliates them did not hold then
    certain = earlier.since.last_day() <= day.first_day() and (
        earlier.until is None or day.last_day() < earlier.until.first_day()
    )
    if certain:
        return True
    possible = earlier.since.first_day() <= day.last_day() and (
        earlier.until is None or day.first_day() < earlier.until.last_day()
    )
    return None if possible else False


def _measure_sources(data: Snapshot, *measures: str) -> tuple[str, ...]:
    return _unique(c.source for m in measures for c in data.measures[m].sources)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def purchases_after_designation(data: Snapshot) -> list[CrossCheck]:
    """Give each government's procurement measure naming a vendor, and each government's
    `customer` tie to one, dated after a designation of that vendor that held then."""
    found: list[CrossCheck] = []
    for m in data.measures.values():
        buyer = data.actors.get(m.actor)
        if m.type != PROCUREMENT or buyer is None or buyer.kind not in GOVERNMENT_KINDS:
            continue
        for target in m.targets:
            if target.role == DESIGNATED:
                continue
            for d in designations_of(data, target.actor):
                order = _order(m.date, _earlier(d))
                if order is not False:
                    found.append(
                        CrossCheck(
                            PURCHASE,
                            m.actor,
                            target.actor,
                            _earlier(d),
                            m.date,
                            measure=m.id,
                            uncertain=order is None,
                            sources=_measure_sources(data, m.id, d.measure),
                        )
                    )
    for actor in data.actors.values():
        if actor.kind not in GOVERNMENT_KINDS:
            continue
        for tie in own_ties(data, actor.id):
            if tie.kind != "customer" or tie.since is None:
                continue
            for d in designations_of(data, tie.object):
                found.extend(_after(PURCHASE, data, tie, actor.id, tie.object, d))
    return sorted(found, key=CrossCheck.sort_key)


def _after(
    rule: str, data: Snapshot, tie: Tie, subject: str, vendor: str, d: Designation
) -> list[CrossCheck]:
    """Give the finding that the tie started after the designation, if its dates allow it."""
    assert tie.since is not None
    order = _order(tie.since, _earlier(d))
    if order is False:
        return []
    return [
        CrossCheck(
            rule,
            subject,
            vendor,
            _earlier(d),
            tie.since,
            tie=tie,
            uncertain=order is None,
            sources=_unique([*tie.sources, *_measure_sources(data, d.measure)]),
        )
    ]


def investments_after_designation(data: Snapshot) -> list[CrossCheck]:
    """Give each `owner` or `subsidiary` tie that started after a designation of either end:
    an investment in a designated vendor or its take-over (the designated end is the one owned
    or the parent's subsidiary), or a new holding or subsidiary of a designated vendor."""
    found: list[CrossCheck] = []
    for actor in data.actors.values():
        for tie in own_ties(data, actor.id):
            if tie.kind not in INVESTING or tie.since is None:
                continue
            for designated in (tie.object, tie.subject):
                other = tie.other(designated)
                for d in direct_designations(data, designated):
                    found.extend(_after(INVESTMENT, data, tie, other, designated, d))
    return sorted(found, key=CrossCheck.sort_key)


def _actions(data: Snapshot, actor: str) -> list[Earlier]:
    """Give the measures that name `actor` other than as designated (findings, lawsuits…)."""
    return sorted(
        (
            Earlier(m.id, m.actor, actor, t.role, t.since or m.date, t.until)
            for m, t in data.measures_by_target.get(actor, ())
            if t.role != DESIGNATED
        ),
        key=lambda e: (e.since.sort_key(), e.measure),
    )


def reappearances(data: Snapshot) -> list[CrossCheck]:
    """Give each successor of a designated entity (else of one named by findings or actions:
    its earliest such measure), and each designated entity with a former name recorded."""
    found: list[CrossCheck] = []
    for actor in data.actors.values():
        for tie in own_ties(data, actor.id):
            if tie.kind != "successor":
                continue
            designations = direct_designations(data, tie.object)
            earlier = [_earlier(d) for d in designations] or _actions(data, tie.object)[:1]
            rule = SUCCESSOR if designations else SUCCESSOR_OF_NAMED
            for e in earlier:
                if tie.until is not None and tie.until.last_day() < e.since.first_day():
                    continue  # the succession ended before the designation
                found.append(
                    CrossCheck(
                        rule,
                        actor.id,
                        tie.object,
                        e,
                        tie.since,
                        tie=tie,
                        sources=_unique([*tie.sources, *_measure_sources(data, e.measure)]),
                    )
                )
        for alias in actor.aliases:
            if alias.kind != "former":
                continue
            for d in direct_designations(data, actor.id):
                found.append(
                    CrossCheck(
                        RENAMED,
                        actor.id,
                        actor.id,
                        _earlier(d),
                        None,
                        former_name=alias.name,
                        sources=_unique(
                            [*(c.source for c in actor.sources), *_measure_sources(data, d.measure)]
                        ),
                    )
                )
    return sorted(found, key=CrossCheck.sort_key)


def crosschecks(data: Snapshot) -> list[CrossCheck]:
    """Give every cross-check's findings, oldest first."""
    found = [
        *purchases_after_designation(data),
        *investments_after_designation(data),
        *reappearances(data),
    ]
    return sorted(found, key=CrossCheck.sort_key)


def concerning(actor: str, found: list[CrossCheck]) -> list[CrossCheck]:
    """Give the findings of `found` that concern `actor`."""
    return [c for c in found if actor in c.actors]
