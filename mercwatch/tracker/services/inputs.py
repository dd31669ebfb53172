"""Turning a snapshot into the derivation engine's plain inputs."""

from __future__ import annotations

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
from mercwatch.tracker.snapshot import Cite, Snapshot
from mercwatch.tracker.states import not_assessed_reason


def _refs(data: Snapshot, cites: tuple[Cite, ...]) -> tuple[SourceRef, ...]:
    refs = []
    for cite in cites:
        source = data.sources[cite.source]
        kind = cite.kind or source.kind
        refs.append(SourceRef(source.url, kind, source.published, cite.stance, source.retrieved))
    return tuple(refs)


def inputs_from(data: Snapshot) -> Inputs:
    """Give the engine's inputs for every actor, provision, measure, membership, override."""
    return Inputs(
        actors=tuple(
            ActorIn(a.id, a.kind, a.name, not_assessed_reason(a)) for a in data.actors.values()
        ),
        provisions=tuple(
            ProvisionIn(p.code, p.framework, tuple(p.addressees)) for p in data.provisions.values()
        ),
        measures=tuple(
            MeasureIn(
                id=m.id,
                actor=m.actor,
                title=m.title,
                date=m.date,
                sources=_refs(data, m.sources),
                links=tuple(LinkIn(k.provision, k.level, k.rationale) for k in m.links),
                events=tuple(EventIn(e.kind, e.date) for e in m.events),
            )
            for m in data.measures.values()
        ),
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
