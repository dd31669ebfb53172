"""Making the database hold a snapshot: create, update, leave or delete each row.

Rows are matched by natural key, so a reload of the same files changes nothing. Every save
and delete goes through the model, so django-simple-history keeps a revision of it. Called by the
write path (tracker/services/writes.py), which owns the checks and the data version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.db import models

from mercwatch.market.models import Listing, Product, Relationship
from mercwatch.store.database import snapshot_from_db
from mercwatch.store.marks import Edited, mark, overwritten
from mercwatch.tracker.models import (
    Actor,
    Alias,
    Citation,
    Framework,
    Link,
    Measure,
    MeasureEvent,
    Membership,
    Methodology,
    Override,
    Provision,
    Source,
    Target,
)
from mercwatch.tracker.snapshot import Cite, Snapshot, as_json, flatten
from mercwatch.tracker.snapshot import Measure as MeasureRecord
from mercwatch.tracker.snapshot import Source as SourceRecord
from mercwatch.workflow.models import Edition

Key = tuple[Any, ...]
Rows = dict[Key, dict[str, Any]]
Counts = dict[str, Counter[str]]


class _Sync:
    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.counts: Counts = {}
        self.extras: list[list[models.Model]] = []

    def upsert(
        self,
        model: type[models.Model],
        key_fields: tuple[str, ...],
        rows: Rows,
        among: models.Q | None = None,
    ) -> dict[Key, models.Model]:
        """Create or update `rows`; remember the rows not wanted (of those `among` picks, if
        given), to delete last."""
        tally = self.counts.setdefault(model._meta.verbose_name_plural.__str__(), Counter())
        manager = model._default_manager
        found = manager.all() if among is None else manager.filter(among)
        existing = {tuple(getattr(obj, f) for f in key_fields): obj for obj in found}
        result: dict[Key, models.Model] = {}
        for key, values in rows.items():
            obj = existing.pop(key, None)
            if obj is None:
                obj = model(**dict(zip(key_fields, key, strict=True)), **values)
                tally["created"] += 1
            elif any(getattr(obj, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(obj, name, value)
                tally["updated"] += 1
            else:
                tally["unchanged"] += 1
                result[key] = obj
                continue
            obj._change_reason = self.reason  # type: ignore[attr-defined]
            obj.save()
            result[key] = obj
        self.extras.append(list(existing.values()))
        return result

    def delete_extras(self) -> None:
        """Delete unwanted rows, children first (they were upserted last)."""
        for batch in reversed(self.extras):
            for obj in batch:
                obj._change_reason = self.reason  # type: ignore[attr-defined]
                obj.delete()
                name = obj._meta.verbose_name_plural.__str__()
                self.counts[name]["deleted"] += 1


def _none_blank(value: str | None) -> str:
    return value or ""


def _cite_rows(owner: str, owner_pk: Any, cites: Iterable[Cite], rows: Rows) -> None:
    for position, cite in enumerate(cites):
        rows[(owner, owner_pk, position)] = {
            "source_id": cite.source,
            "excerpt": cite.excerpt,
            "locator": cite.locator,
            "stance": cite.stance,
            "kind": cite.kind or "",
        }


def write_snapshot(data: Snapshot, *, reason: str) -> Counts:
    """Make the database hold exactly `data`; give created/updated/unchanged/deleted counts."""
    sync = _Sync(reason)
    cites: dict[str, list[tuple[Any, tuple[Cite, ...]]]] = {}

    def cite(owner: str, owner_key: Any, entries: tuple[Cite, ...]) -> None:
        cites.setdefault(owner, []).append((owner_key, entries))

    in_group: Counter[str] = Counter()
    source_rows: Rows = {}
    for sid, s in data.sources.items():
        source_rows[(sid,)] = {
            "group": s.group,
            "url": s.url,
            "title": s.title,
            "publisher": s.publisher,
            "kind": s.kind,
            "published": s.published,
            "language": s.language,
            "retrieved": s.retrieved,
            "archived_url": _none_blank(s.archived_url),
            "content_hash": s.content_hash,
            "note": s.note,
            "position": in_group[s.group],
        }
        in_group[s.group] += 1
    sync.upsert(Source, ("id",), source_rows)
    sync.upsert(
        Methodology,
        ("version",),
        {(version,): {"document": m.document} for version, m in data.methodologies.items()},
    )
    framework_rows: Rows = {}
    provision_rows: Rows = {}
    for fw in data.frameworks.values():
        framework_rows[(fw.id,)] = {
            "title": fw.title,
            "short_title": fw.short_title,
            "publisher": fw.publisher,
            "date": fw.date,
            "url": _none_blank(fw.url),
            "description": fw.description,
            "position": fw.position,
        }
        cite("framework", fw.id, fw.sources)
        for position, entry in enumerate(flatten(fw.provisions)):
            provision_rows[(entry.code,)] = {
                "framework_id": fw.id,
                "parent_id": entry.parent,
                "number": entry.number,
                "position": position,
                "title": entry.title,
                "text": entry.text,
                "addressees": list(entry.addressees),
                "guidance": entry.guidance,
            }
    sync.upsert(Framework, ("id",), framework_rows)
    sync.upsert(Provision, ("code",), provision_rows)

    actor_rows: Rows = {}
    alias_rows: Rows = {}
    product_rows: Rows = {}
    relationship_rows: Rows = {}
    relationship_cites: list[tuple[Key, tuple[Cite, ...]]] = []
    for actor in data.actors.values():
        actor_rows[(actor.id,)] = {
            "kind": actor.kind,
            "name": actor.name,
            "official_name": actor.official_name,
            "iso_alpha3": actor.iso_alpha3,
            "country_id": actor.country,
            "founded": actor.founded,
            "description": actor.description,
        }
        cite("actor", actor.id, actor.sources)
        for position, alias in enumerate(actor.aliases):
            alias_rows[(actor.id, alias.name)] = {"kind": alias.kind, "position": position}
        for position, product in enumerate(actor.products):
            product_rows[(product.id,)] = {
                "vendor_id": actor.id,
                "name": product.name,
                "kind": product.kind,
                "description": product.description,
                "position": position,
            }
            cite("product", product.id, product.sources)
        for position, rel in enumerate(actor.relationships):
            key = (actor.id, rel.kind, rel.object)
            relationship_rows[key] = {
                "since": rel.since,
                "until": rel.until,
                "note": rel.note,
                "position": position,
            }
            relationship_cites.append((key, rel.sources))
    sync.upsert(Actor, ("id",), actor_rows)
    sync.upsert(Alias, ("actor_id", "name"), alias_rows)
    sync.upsert(Product, ("id",), product_rows)
    relationships = sync.upsert(
        Relationship, ("subject_id", "kind", "object_id"), relationship_rows
    )
    for key, entries in relationship_cites:
        cite("relationship", relationships[key].pk, entries)

    membership_rows: Rows = {}
    for framework_id, members in data.memberships.items():
        for position, member in enumerate(members):
            membership_rows[(member.actor, framework_id)] = {
                "position": position,
                "role": member.role,
                "since": member.since,
                "until": member.until,
                "note": member.note,
            }
    memberships = sync.upsert(Membership, ("actor_id", "framework_id"), membership_rows)
    for framework_id, members in data.memberships.items():
        for member in members:
            cite("membership", memberships[(member.actor, framework_id)].pk, member.sources)

    measure_rows: Rows = {}
    event_rows: Rows = {}
    link_rows: Rows = {}
    target_rows: Rows = {}
    in_file: Counter[tuple[str, str]] = Counter()
    for mid, m in data.measures.items():
        measure_rows[(mid,)] = {
            "actor_id": m.actor,
            "family": m.family,
            "position": in_file[(m.actor, m.family)],
            "type": m.type,
            "title": m.title,
            "summary": m.summary,
            "date": m.date,
            "note": m.note,
        }
        in_file[(m.actor, m.family)] += 1
        cite("measure", mid, m.sources)
        for index, event in enumerate(m.events):
            event_rows[(mid, index)] = {"kind": event.kind, "date": event.date, "note": event.note}
        for index, link in enumerate(m.links):
            link_rows[(mid, link.provision)] = {
                "level": link.level,
                "rationale": link.rationale,
                "position": index,
            }
        for index, target in enumerate(m.targets):
            target_rows[(mid, target.actor)] = {
                "role": target.role,
                "since": target.since,
                "until": target.until,
                "note": target.note,
                "position": index,
            }
    sync.upsert(Measure, ("id",), measure_rows)
    events = sync.upsert(MeasureEvent, ("measure_id", "position"), event_rows)
    for mid, m in data.measures.items():
        for index, event in enumerate(m.events):
            cite("event", events[(mid, index)].pk, event.sources)
    sync.upsert(Link, ("measure_id", "provision_id"), link_rows)
    sync.upsert(Target, ("measure_id", "actor_id"), target_rows)

    override_rows: Rows = {}
    for position, override in enumerate(data.overrides):
        override_rows[(override.actor, override.provision)] = {
            "position": position,
            "level": override.level,
            "rationale": override.rationale,
            "since": override.since,
            "until": override.until,
        }
    overrides = sync.upsert(Override, ("actor_id", "provision_id"), override_rows)
    for override in data.overrides:
        cite("override", overrides[(override.actor, override.provision)].pk, override.sources)

    sync.upsert(
        Edition,
        ("id",),
        {
            (e.id,): {
                "title": e.title,
                "as_of": e.as_of,
                "published": e.published,
                "methodology": e.methodology,
                "notes": e.notes,
                "position": position,
            }
            for position, e in enumerate(data.editions)
        },
    )

    sync.upsert(Listing, ("id",), listing_rows(data))

    citation_rows: Rows = {}
    for owner, entries_by_owner in cites.items():
        for owner_key, entries in entries_by_owner:
            _cite_rows(owner, owner_key, entries, citation_rows)
    _upsert_citations(sync, citation_rows)
    sync.delete_extras()
    return sync.counts


def _upsert_citations(sync: _Sync, rows: Rows) -> None:
    """Citations are keyed by (owner field, owner pk, position): exactly one owner is set."""
    from mercwatch.tracker.models import CITATION_OWNERS

    tally = sync.counts.setdefault("citations", Counter())
    existing: dict[Key, Citation] = {}
    for obj in Citation.objects.all():
        owner = next(f for f in CITATION_OWNERS if getattr(obj, f"{f}_id") is not None)
        existing[(owner, getattr(obj, f"{owner}_id"), obj.position)] = obj
    for key, values in rows.items():
        owner, owner_pk, position = key
        found = existing.pop(key, None)
        if found is not None and all(getattr(found, k) == v for k, v in values.items()):
            tally["unchanged"] += 1
            continue
        if found is None:
            obj = Citation(position=position, **{f"{owner}_id": owner_pk})
            tally["created"] += 1
        else:
            obj = found
            tally["updated"] += 1
        for name, value in values.items():
            setattr(obj, name, value)
        obj._change_reason = sync.reason  # type: ignore[attr-defined]
        obj.save()
    sync.extras.append(list(existing.values()))


def listing_rows(data: Snapshot) -> Rows:
    """Give the rows of the imported inventories' entries, keyed by the inventory's own key."""
    rows: Rows = {}
    in_inventory: Counter[str] = Counter()
    for x in data.listings.values():
        rows[(x.id,)] = {
            "inventory": x.inventory,
            "name": x.name,
            "aliases": list(x.aliases),
            "country": x.country or "",
            "description": x.description,
            "urls": list(x.urls),
            "websites": list(x.websites),
            "ties": [as_json(t) for t in x.ties],
            "actor_id": x.actor,
            "curated": list(x.curated),
            "position": in_inventory[x.inventory],
        }
        in_inventory[x.inventory] += 1
    return rows


def write_listings(inventory: str, listings: Snapshot, *, reason: str) -> Counter[str]:
    """Make the database hold exactly the entries of `inventory` that `listings` holds (the
    other inventories and every curated record untouched); give the counts. Called inside the
    write path (an import's `apply`)."""
    sync = _Sync(reason)
    sync.upsert(Listing, ("id",), listing_rows(listings), among=models.Q(inventory=inventory))
    sync.delete_extras()
    return next(iter(sync.counts.values()))


def write_records(
    sources: Mapping[str, SourceRecord], measures: Mapping[str, MeasureRecord], *, reason: str
) -> Counts:
    """Add (or replace) these sources and measures, every other record as it is; called
    inside the write path (an accepted import of findings)."""
    data = snapshot_from_db()
    return write_snapshot(
        replace(
            data,
            sources={**data.sources, **sources},
            measures={**data.measures, **measures},
        ),
        reason=reason,
    )


class WouldOverwrite(Exception):
    """A load that would undo edits made in the database since the last load or dump."""

    def __init__(self, edits: list[Edited]) -> None:
        super().__init__("; ".join(str(e) for e in edits))
        self.edits = edits


@dataclass(frozen=True)
class Loaded:
    counts: Counts
    overwritten: list[Edited]  # edits made in the database that `force` let the load undo


def load(
    data: Snapshot, *, reason: str, user: Any = None, force: bool = False, action: str = ""
) -> Loaded:
    """Make the database hold `data` (a snapshot the validator passed) through the write path.

    Refuses, with every such record listed, when that would undo an edit made in the database
    since the last load or dump, unless `force` is given (the edits are then listed as undone).
    """
    from mercwatch.store.writes import apply

    def change() -> Loaded:
        lost, _mark = overwritten(snapshot_from_db(), data)
        if lost and not force:
            raise WouldOverwrite(lost)
        counts = write_snapshot(data, reason=reason)
        mark(data, action or reason)
        return Loaded(counts, lost)

    return apply(change, reason=reason, user=user, checked=False)
