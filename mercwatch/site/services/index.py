"""Reverse indexes over a dataset: who cites a source, which measures target an actor."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mercwatch.store import current as cache
from mercwatch.tracker.snapshot import Measure, Snapshot


def _build(data: Snapshot) -> dict[str, Any]:
    cited: dict[str, list[tuple[str, str]]] = defaultdict(list)
    targeted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_actor: dict[str, list[Measure]] = defaultdict(list)
    related: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for measure_id, m in data.measures.items():
        owner = m.actor
        by_actor[owner].append(m)
        for cite in m.sources:
            cited[cite.source].append(("measure", measure_id))
        for target in m.targets:
            targeted[target.actor].append((measure_id, target.role))
    for framework, members in data.memberships.items():
        for member in members:
            for cite in member.sources:
                cited[cite.source].append(("membership", f"{framework}:{member.actor}"))
    for record in data.actors.values():
        for cite in record.sources:
            cited[cite.source].append(("actor", record.id))
        for rel in record.relationships:
            related[rel.object].append((record.id, rel.kind))
    for measures in by_actor.values():
        measures.sort(key=lambda m: m.date.sort_key())
    return {"cited": cited, "targeted": targeted, "by_actor": by_actor, "related": related}


def indexes(data: Snapshot) -> dict[str, Any]:
    """Give the reverse indexes, built once per data version."""
    return cache.memo(data, ("indexes",), lambda: _build(data))


def measures_of(data: Snapshot, actor: str) -> list[Measure]:
    """Give an actor's measures, oldest first."""
    return list(indexes(data)["by_actor"].get(actor, []))


def cited_by(data: Snapshot, source: str) -> list[tuple[str, str]]:
    """Give what cites a source: (`measure`|`membership`|`actor`, ID) pairs."""
    return list(indexes(data)["cited"].get(source, []))


def targeted_by(data: Snapshot, actor: str) -> list[tuple[str, str]]:
    """Give the measures aimed at an actor, with the role it has in each."""
    return list(indexes(data)["targeted"].get(actor, []))


def related_to(data: Snapshot, actor: str) -> list[tuple[str, str]]:
    """Give the actors with a relationship pointing at `actor` (e.g. its subsidiaries)."""
    return list(indexes(data)["related"].get(actor, []))
