"""Coverage counts of a checked dataset: actors, measures, sources, memberships, evidence."""

from __future__ import annotations

from collections import Counter
from typing import Any

from mercwatch.core.vocabulary import GOVERNMENT_KINDS, ActorKind
from mercwatch.tracker.snapshot import Snapshot

PRINCIPLES_FRAMEWORK = "techaccord"


def _sorted_counts(counter: Counter[str]) -> dict[str, int]:
    return {key: counter[key] for key in sorted(counter)}


def _ids(ids: set[str]) -> dict[str, Any]:
    return {"count": len(ids), "ids": sorted(ids)}


def _actors_with_measures(data: Snapshot, kinds: frozenset[str]) -> set[str]:
    return {
        m.actor
        for m in data.measures.values()
        if m.actor in data.actors and data.actors[m.actor].kind in kinds
    }


def _memberships(data: Snapshot) -> dict[str, dict[str, Any]]:
    frameworks = sorted(set(data.frameworks) | set(data.memberships))
    result: dict[str, dict[str, Any]] = {}
    for framework in frameworks:
        members = data.memberships.get(framework, ())
        result[framework] = {
            "count": len(members),
            "dated": sum(1 for m in members if m.since is not None),
            "roles": _sorted_counts(Counter(m.role for m in members)),
            "actors": sorted({m.actor for m in members}),
        }
    return result


def _principle(code: str) -> str | None:
    """Give the top-level principle of a Tech Accord provision code, else None."""
    framework, _, number = code.partition("/")
    if framework != PRINCIPLES_FRAMEWORK:
        return None
    return f"{framework}/{number.split('.')[0]}"


def _companies_per_principle(data: Snapshot, companies: set[str]) -> dict[str, list[str]]:
    per: dict[str, set[str]] = {}
    for measure in data.measures.values():
        actor = measure.actor
        if actor not in companies:
            continue
        for link in measure.links:
            principle = _principle(link.provision)
            if principle is not None:
                per.setdefault(principle, set()).add(actor)
    return {p: sorted(per[p]) for p in sorted(per, key=lambda c: int(c.split("/")[1]))}


def dataset_stats(data: Snapshot) -> dict[str, Any]:
    """Give the dataset's counts per kind, type, actor and framework, as plain JSON-ready data."""
    actor_kinds = Counter(str(actor.kind) for actor in data.actors.values())
    measures = list(data.measures.values())
    governments = _actors_with_measures(data, GOVERNMENT_KINDS)
    companies = _actors_with_measures(data, frozenset({ActorKind.COMPANY.value}))
    principles = _companies_per_principle(data, companies)
    return {
        "actors": {"total": len(data.actors), "per_kind": _sorted_counts(actor_kinds)},
        "measures": {
            "total": len(measures),
            "per_type": _sorted_counts(Counter(m.type for m in measures)),
            "per_actor": _sorted_counts(Counter(m.actor for m in measures)),
        },
        "sources": {
            "total": len(data.sources),
            "per_kind": _sorted_counts(Counter(s.kind for s in data.sources.values())),
        },
        "memberships": _memberships(data),
        "governments_with_measures": _ids(governments),
        "companies_with_evidence": {
            **_ids(companies),
            "per_principle": {p: {"count": len(ids), "ids": ids} for p, ids in principles.items()},
        },
    }
