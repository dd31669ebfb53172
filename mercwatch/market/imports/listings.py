"""Importing an inventory's entries as listings: what changes, what an editor curated, and
the write through the write path.

A re-import is idempotent. Fields an editor set on a listing (its `curated` fields, such as
the actor it stands for) are never overwritten: where the inventory now says otherwise, the
difference is listed as a conflict and the editor's value kept. An entry matched to a curated
actor whose country the inventory gives otherwise is listed as a conflict too (the curated
actor is never changed by an import). Entries the inventory no longer has are removed, unless
an editor curated them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from mercwatch.market.imports.matching import Matches, match
from mercwatch.tracker.snapshot import Listing, Snapshot

FIELDS = ("name", "aliases", "country", "description", "urls", "websites", "ties", "actor")


@dataclass(frozen=True)
class Conflict:
    listing: str  # the entry's key
    name: str
    field: str
    kept: Any
    offered: Any
    why: str

    def __str__(self) -> str:
        return (
            f"{self.name} ({self.listing}): {self.field}: {self.why}: kept {self.kept!r}, "
            f"the inventory says {self.offered!r}"
        )


@dataclass
class Plan:
    """What an import would leave: the inventory's entries, and what changed."""

    inventory: str
    listings: dict[str, Listing]
    counts: Counter[str] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    matches: Matches | None = None


def plan(inventory: str, incoming: Mapping[str, Listing], data: Snapshot) -> Plan:
    """Give the entries of `inventory` once `incoming` is imported over `data`'s."""
    found = match(incoming.values(), data)
    before = {k: x for k, x in data.listings.items() if x.inventory == inventory}
    out = Plan(inventory, {}, matches=found)
    conflicting: set[str] = set()
    for key, entry in incoming.items():
        entry = replace(entry, actor=found.matched.get(key))
        old = before.pop(key, None)
        if old is not None:
            changes: dict[str, Any] = {}
            for name in old.curated:
                mine, theirs = getattr(old, name), getattr(entry, name)
                changes[name] = mine
                if mine != theirs:
                    out.conflicts.append(
                        Conflict(key, old.name, name, mine, theirs, "set by an editor")
                    )
                    conflicting.add(key)
            entry = replace(entry, curated=old.curated, **changes)
        actor = data.actors.get(entry.actor) if entry.actor else None
        if actor is not None and entry.country and actor.country and entry.country != actor.country:
            out.conflicts.append(
                Conflict(
                    key,
                    entry.name,
                    "country",
                    actor.country,
                    entry.country,
                    f"the curated actor {actor.name} says otherwise",
                )
            )
            conflicting.add(key)
        out.listings[key] = entry
        out.counts["created" if old is None else "unchanged" if old == entry else "updated"] += 1
    for key, old in before.items():  # no longer in the inventory
        if old.curated:
            out.listings[key] = old
            out.counts["kept (curated, no longer listed)"] += 1
        else:
            out.counts["removed"] += 1
    out.counts["conflicting"] = len(conflicting)
    return out


def write(result: Plan, *, reason: str, user: Any = None) -> Counter[str]:
    """Write the plan's entries through the write path (checked: the validator sees them)."""
    from mercwatch.store.sync import write_listings
    from mercwatch.store.writes import apply

    listings = Snapshot(listings=result.listings)
    return apply(
        lambda: write_listings(result.inventory, listings, reason=reason), reason=reason, user=user
    )
