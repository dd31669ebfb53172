"""The data files' models as the snapshot's records, and back again."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, ValidationError

from mercwatch.tracker import snapshot as s
from mercwatch.tracker.loader.errors import reasons
from mercwatch.tracker.loader.schemas import (
    ACTOR_DIRS,
    ActorFile,
    Cite,
    EditionEntry,
    EditionFile,
    FrameworkFile,
    ListingEntry,
    ListingFile,
    MeasureEntry,
    MeasureFile,
    MemberEntry,
    MembershipFile,
    OverrideEntry,
    OverrideFile,
    ProvisionEntry,
    SourceEntry,
    SourceFile,
)
from mercwatch.tracker.snapshot import as_json
from mercwatch.tracker.validator import Problem


def cites(entries: tuple[Cite, ...]) -> tuple[s.Cite, ...]:
    return tuple(s.Cite(c.source, c.excerpt, c.locator, c.stance, c.kind) for c in entries)


def provision(entry: ProvisionEntry, framework: str, parent: str | None) -> s.Provision:
    return s.Provision(
        code=entry.code,
        framework=framework,
        parent=parent,
        number=entry.number,
        title=entry.title,
        addressees=tuple(entry.addressees),
        text=entry.text,
        guidance=entry.guidance,
        provisions=tuple(provision(child, framework, entry.code) for child in entry.provisions),
    )


def framework(fw: FrameworkFile) -> s.Framework:
    return s.Framework(
        id=fw.id,
        title=fw.title,
        short_title=fw.short_title,
        position=fw.position,
        publisher=fw.publisher,
        date=fw.date,
        url=fw.url,
        description=fw.description,
        sources=cites(fw.sources),
        provisions=tuple(provision(p, fw.id, None) for p in fw.provisions),
    )


def actor(a: ActorFile) -> s.Actor:
    return s.Actor(
        id=a.id,
        kind=a.kind,
        name=a.name,
        official_name=a.official_name,
        iso_alpha3=a.iso_alpha3,
        country=a.country,
        founded=a.founded,
        description=a.description,
        aliases=tuple(s.Alias(x.name, x.kind) for x in a.aliases),
        sources=cites(a.sources),
        relationships=tuple(
            s.Relationship(r.kind, r.object, r.since, r.until, r.note, cites(r.sources))
            for r in a.relationships
        ),
        products=tuple(
            s.Product(p.id, p.name, p.kind, p.description, cites(p.sources)) for p in a.products
        ),
    )


def membership(m: MemberEntry, fw: str) -> s.Membership:
    return s.Membership(fw, m.actor, m.role, m.since, m.until, m.note, cites(m.sources))


def source(x: SourceEntry, group: str) -> s.Source:
    return s.Source(
        id=x.id,
        group=group,
        url=x.url,
        kind=x.kind,
        title=x.title,
        publisher=x.publisher,
        published=x.published,
        language=x.language,
        retrieved=x.retrieved,
        archived_url=x.archived_url,
        content_hash=x.content_hash,
        note=x.note,
    )


def measure(m: MeasureEntry, actor_id: str, family: str) -> s.Measure:
    return s.Measure(
        id=m.id,
        actor=actor_id,
        family=family,
        type=m.type,
        title=m.title,
        summary=m.summary,
        date=m.date,
        events=tuple(s.Event(e.kind, e.date, e.note, cites(e.sources)) for e in m.events),
        sources=cites(m.sources),
        targets=tuple(s.Target(t.actor, t.role, t.since, t.until, t.note) for t in m.targets),
        links=tuple(s.Link(k.provision, k.level, k.rationale) for k in m.links),
        note=m.note,
    )


def override(o: OverrideEntry) -> s.Override:
    return s.Override(
        o.actor, o.provision, o.level, o.rationale, o.since, o.until, cites(o.sources)
    )


def edition(e: EditionEntry) -> s.Edition:
    return s.Edition(e.id, e.title, e.as_of, e.published, e.methodology, e.notes)


def listing(x: ListingEntry, inventory: str) -> s.Listing:
    return s.Listing(
        id=x.id,
        inventory=inventory,
        name=x.name,
        aliases=tuple(x.aliases),
        country=x.country,
        description=x.description,
        urls=tuple(x.urls),
        ties=tuple(s.ListedTie(t.kind, t.object, t.confidence, t.note) for t in x.ties),
        actor=x.actor,
        websites=tuple(x.websites),
        curated=tuple(x.curated),
    )


# Back again: a snapshot's records as the data files' models, to write them or check a record
# that did not come from a file (an edit in the database) against the files' schema.


def file_models(snap: s.Snapshot) -> dict[str, BaseModel | str]:
    """Give every data file of `snap` as its model (a methodology as its text), by path."""
    files: dict[str, BaseModel | str] = {}
    for fw in snap.frameworks.values():
        files[f"frameworks/{fw.id}.yaml"] = FrameworkFile.model_validate(as_json(fw))
    for a in snap.actors.values():
        files[f"actors/{ACTOR_DIRS[a.kind]}/{a.id}.yaml"] = ActorFile.model_validate(as_json(a))
    for fw_id, members in snap.memberships.items():
        files[f"memberships/{fw_id}.yaml"] = MembershipFile.model_validate(
            {"framework": fw_id, "members": [as_json(m) for m in members]}
        )
    groups: dict[str, list[Any]] = defaultdict(list)
    for x in snap.sources.values():
        groups[x.group].append(as_json(x))
    for group, rows in groups.items():
        files[f"sources/{group}.yaml"] = SourceFile.model_validate({"sources": rows})
    families: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for m in snap.measures.values():
        families[(m.actor, m.family)].append(as_json(m))
    for (actor_id, family), rows in families.items():
        files[f"measures/{actor_id}/{family}.yaml"] = MeasureFile.model_validate({"measures": rows})
    if snap.overrides:
        files["overrides.yaml"] = OverrideFile.model_validate(
            {"overrides": as_json(snap.overrides)}
        )
    if snap.editions:
        files["editions.yaml"] = EditionFile.model_validate({"editions": as_json(snap.editions)})
    for version, method in snap.methodologies.items():
        files[f"methodology/{version}.yaml"] = method.document
    inventories: dict[str, list[Any]] = defaultdict(list)
    for entry in snap.listings.values():
        inventories[entry.inventory].append(as_json(entry))
    for inventory, rows in inventories.items():
        files[f"listings/{inventory}.yaml"] = ListingFile.model_validate(
            {"inventory": inventory, "listings": rows}
        )
    return files


_SCHEMAS: dict[str, type[BaseModel]] = {
    "actor": ActorFile,
    "framework": FrameworkFile,
    "source": SourceEntry,
    "measure": MeasureEntry,
    "membership": MemberEntry,
    "override": OverrideEntry,
    "edition": EditionEntry,
    "listing": ListingEntry,
}


def schema_problems(kind: str, key: str, record: Any) -> list[Problem]:
    """Give what the data files' schema finds wrong with one record (nothing if it is sound)."""
    try:
        _SCHEMAS[kind].model_validate(as_json(record))
    except ValidationError as exc:
        return [Problem(kind, key, loc, reason) for loc, reason in reasons(exc)]
    return []
