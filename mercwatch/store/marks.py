"""What the last load or dump wrote, and which records the database has changed since.

A record's digest is the SHA-256 of its data-file entry as canonical JSON; a record is named
as the validator names it ("measure us-entity-list-2021", "membership US in pall-mall").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from mercwatch.store.models import LoadMark
from mercwatch.tracker.snapshot import Snapshot, as_json


def _records(snapshot: Snapshot) -> Iterator[tuple[str, Any]]:
    for fw in snapshot.frameworks.values():
        yield f"framework {fw.id}", fw
    for actor in snapshot.actors.values():
        yield f"actor {actor.id}", actor
    for framework, members in snapshot.memberships.items():
        for m in members:
            yield f"membership {m.actor} in {framework}", m
    for source in snapshot.sources.values():
        yield f"source {source.id}", {"group": source.group, **as_json(source)}
    for measure in snapshot.measures.values():
        yield f"measure {measure.id}", {"actor": measure.actor, "family": measure.family,
                                        **as_json(measure)}  # fmt: skip
    for o in snapshot.overrides:
        yield f"override {o.actor} on {o.provision}", o
    for e in snapshot.editions:
        yield f"edition {e.id}", e
    for version, method in snapshot.methodologies.items():
        yield f"methodology {version}", method.document
    for x in snapshot.listings.values():
        yield f"listing {x.id}", {"inventory": x.inventory, **as_json(x)}


def digests(snapshot: Snapshot) -> dict[str, str]:
    """Give each record's digest, by the record's name."""
    out = {}
    for name, record in _records(snapshot):
        text = json.dumps(as_json(record), sort_keys=True, ensure_ascii=False)
        out[name] = hashlib.sha256(text.encode()).hexdigest()
    return out


def mark(snapshot: Snapshot, action: str) -> None:
    """Remember what `action` (a load or a dump) left the database and the files holding."""
    LoadMark.objects.update_or_create(
        id=1, defaults={"digests": digests(snapshot), "action": action, "at": timezone.now()}
    )


@dataclass(frozen=True)
class Edited:
    """A record the database changed since the last load or dump, which a load would undo."""

    name: str
    how: str  # "changed", "added" or "deleted" in the database

    def __str__(self) -> str:
        return f"{self.name} ({self.how} in the database since the last load or dump)"


def overwritten(database: Snapshot, incoming: Snapshot) -> tuple[list[Edited], str | None]:
    """Give the database's edits since the last mark that loading `incoming` would undo, and
    what that mark was (None when nothing was loaded or dumped yet: nothing to lose then
    unless the database holds data, which then counts as edited)."""
    found = LoadMark.objects.filter(id=1).first()
    known: dict[str, str] = found.digests if found else {}
    now, wanted = digests(database), digests(incoming)
    lost = []
    for name in sorted(set(now) | set(known)):
        before, after = known.get(name), now.get(name)
        if before == after or wanted.get(name) == after:
            continue  # unchanged since the mark, or the files already say the same
        how = "added" if before is None else "deleted" if after is None else "changed"
        lost.append(Edited(name, how))
    return lost, str(found) if found else None
