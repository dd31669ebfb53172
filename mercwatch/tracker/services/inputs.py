"""Turning a snapshot into the derivation engine's plain inputs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from mercwatch.tracker.derive import (
    ActorIn,
    EventIn,
    Inputs,
    LinkIn,
    MeasureIn,
    MembershipIn,
    OverrideIn,
    ProvisionIn,
    SourceRef,
)
from mercwatch.tracker.snapshot import Actor, Cite, Measure, Snapshot
from mercwatch.tracker.states import not_assessed_reason

R = TypeVar("R")  # a snapshot record
E = TypeVar("E")  # the engine's input made of it


def _refs(data: Snapshot, cites: tuple[Cite, ...]) -> tuple[SourceRef, ...]:
    refs = []
    for cite in cites:
        source = data.sources[cite.source]
        kind = cite.kind or source.kind
        refs.append(SourceRef(source.url, kind, source.published, cite.stance, source.retrieved))
    return tuple(refs)


def inputs_from(data: Snapshot, previous: tuple[Snapshot, Inputs] | None = None) -> Inputs:
    """Give the engine's inputs for every actor, provision, measure, membership, override.

    `previous`, a snapshot this one was patched from and its inputs, lends the inputs of every
    actor and measure both hold as the same record (when neither the sources nor the
    frameworks changed): the same objects, so the engine sees at once that they are the same.
    """
    if previous is not None and _shares_references(data, previous[0]):
        return _patched(data, *previous)
    return Inputs(
        actors=tuple(_actor(a) for a in data.actors.values()),
        provisions=tuple(
            ProvisionIn(p.code, p.framework, tuple(p.addressees)) for p in data.provisions.values()
        ),
        measures=tuple(_measure(data, m) for m in data.measures.values()),
        memberships=tuple(
            MembershipIn(
                actor=member.actor,
                framework=framework,
                role=member.role,
                since=member.since,
                until=member.until,
                sources=_refs(data, member.sources),
                framework_title=data.frameworks[framework].short_title,
            )
            for framework, members in data.memberships.items()
            for member in members
        ),
        overrides=tuple(
            OverrideIn(
                actor=o.actor,
                provision=o.provision,
                level=o.level,
                rationale=o.rationale,
                since=o.since,
                until=o.until,
                sources=_refs(data, o.sources),
            )
            for o in data.overrides
        ),
    )


def _actor(a: Actor) -> ActorIn:
    return ActorIn(a.id, a.kind, a.name, not_assessed_reason(a))


def _measure(data: Snapshot, m: Measure) -> MeasureIn:
    return MeasureIn(
        id=m.id,
        actor=m.actor,
        title=m.title,
        date=m.date,
        sources=_refs(data, m.sources),
        links=tuple(LinkIn(k.provision, k.level, k.rationale) for k in m.links),
        events=tuple(EventIn(e.kind, e.date) for e in m.events),
    )


def _shares_references(data: Snapshot, before: Snapshot) -> bool:
    """Tell whether what inputs read beside each record is the same in both snapshots."""
    return (
        data.sources is before.sources
        and data.frameworks is before.frameworks
        and data.provisions is before.provisions
        and data.memberships is before.memberships
        and data.overrides is before.overrides
    )


def _patched(data: Snapshot, before: Snapshot, held: Inputs) -> Inputs:
    return Inputs(
        actors=_lent(data.actors, before.actors, held.actors, _actor),
        provisions=held.provisions,
        measures=_lent(data.measures, before.measures, held.measures, lambda m: _measure(data, m)),
        memberships=held.memberships,
        overrides=held.overrides,
    )


def _lent(
    records: Mapping[str, R], before: Mapping[str, R], held: tuple[E, ...], build: Callable[[R], E]
) -> tuple[E, ...]:
    """Give the inputs of `records`: those `before` holds as the same record, from `held` (its
    inputs, in its order), the others built. Walked side by side while the keys keep their
    places (a write that added or dropped none), else by key."""
    if len(records) == len(before):
        out = []
        for (key, record), (old_key, old), lent in zip(
            records.items(), before.items(), held, strict=True
        ):
            if key != old_key:
                break
            out.append(lent if record is old else build(record))
        else:
            return tuple(out)
    by_key = dict(zip(before, held, strict=True))
    return tuple(
        by_key[key] if before.get(key) is record else build(record)
        for key, record in records.items()
    )
