"""The database's records as a snapshot, read straight from the tables (one query a table).

Records come in the order the loader gives them – the order of the data files' paths, then of
the entries in each file – so a snapshot of the database equals the snapshot of the directory
it was loaded from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Q

from mercwatch.market.models import Listing, Product, Relationship
from mercwatch.tracker import snapshot as s
from mercwatch.tracker.loader.schemas import ACTOR_DIRS
from mercwatch.tracker.loader.yamlio import read_yaml
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.models import (
    CITATION_OWNERS,
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
from mercwatch.workflow.models import Edition

T = TypeVar("T")


def _path(*parts: str) -> str:
    """Give the data file's path, by which the loader orders records (`a-b` before `a`)."""
    return "/".join(parts) + ".yaml"


Cites = dict[tuple[str, Any], tuple[s.Cite, ...]]


def _cites(among: Q | None = None) -> Cites:
    out: dict[tuple[str, Any], list[s.Cite]] = defaultdict(list)
    row: dict[str, Any]
    rows = Citation.objects.filter(among) if among is not None else Citation.objects.all()
    for row in rows.order_by("position").values():  # type: ignore[assignment]
        owner = next(f for f in CITATION_OWNERS if row[f"{f}_id"] is not None)
        out[(owner, row[f"{owner}_id"])].append(
            s.Cite(
                row["source_id"], row["excerpt"], row["locator"], row["stance"], row["kind"] or None
            )
        )
    return {key: tuple(cites) for key, cites in out.items()}


def _grouped(model: Any, key: str, ids: Iterable[str] | None = None) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    rows = model.objects.all() if ids is None else model.objects.filter(**{f"{key}__in": ids})
    for row in rows.order_by("position"):
        out[getattr(row, key)].append(row)
    return out


def snapshot_from_db() -> s.Snapshot:
    """Give the database's data as a snapshot."""
    cites = _cites()

    def of(owner: str, key: Any) -> tuple[s.Cite, ...]:
        return cites.get((owner, key), ())

    children: dict[str | None, list[Provision]] = defaultdict(list)
    for p in Provision.objects.order_by("position"):
        children[p.parent_id].append(p)
    provisions: dict[str, s.Provision] = {}

    def tree(framework: str, parent: str | None) -> tuple[s.Provision, ...]:
        out = []
        for p in children.get(parent, []):
            if p.framework_id != framework:
                continue
            record = s.Provision(
                code=p.code,
                framework=framework,
                parent=parent,
                number=p.number,
                title=p.title,
                addressees=tuple(p.addressees),
                text=p.text,
                guidance=p.guidance,
                provisions=(),
            )
            provisions[p.code] = record  # placed before its children, as the loader does
            record = s.Provision(**{**_fields(record), "provisions": tree(framework, p.code)})
            provisions[p.code] = record
            out.append(record)
        return tuple(out)

    frameworks = {}
    for fw in sorted(Framework.objects.all(), key=lambda f: _path("frameworks", f.id)):
        frameworks[fw.id] = s.Framework(
            id=fw.id,
            title=fw.title,
            short_title=fw.short_title,
            position=fw.position,
            publisher=fw.publisher,
            date=fw.date,
            url=fw.url or None,
            description=fw.description,
            sources=of("framework", fw.id),
            provisions=tree(fw.id, None),
        )

    actors = _actors(cites)

    memberships: dict[str, list[s.Membership]] = defaultdict(list)
    for m in Membership.objects.order_by("framework_id", "position"):
        memberships[m.framework_id].append(
            s.Membership(
                m.framework_id,
                m.actor_id,
                m.role,
                m.since,
                m.until,
                m.note,
                of("membership", m.pk),
            )
        )

    sources = _sources()
    measures = _measures(cites)

    overrides = tuple(
        s.Override(
            o.actor_id,
            o.provision_id,
            o.level,
            o.rationale,
            o.since,
            o.until,
            of("override", o.pk),
        )
        for o in Override.objects.order_by("position")
    )
    methodologies = {
        m.version: s.Methodology(
            m.version, m.document, MethodologyFile.model_validate(read_yaml(m.document))
        )
        for m in sorted(Methodology.objects.all(), key=lambda m: _path("methodology", m.version))
    }
    editions = tuple(
        s.Edition(e.id, e.title, e.as_of, e.published, e.methodology, e.notes)
        for e in Edition.objects.order_by("position")
    )
    return s.Snapshot(
        frameworks=frameworks,
        provisions=provisions,
        actors=actors,
        memberships={
            fw: tuple(memberships[fw])
            for fw in sorted(memberships, key=lambda fw: _path("memberships", fw))
        },
        sources=sources,
        measures=measures,
        overrides=overrides,
        methodologies=methodologies,
        editions=editions,
        listings=_listings(),
    )


def _listings() -> dict[str, s.Listing]:
    """Give the imported inventories' entries, by inventory file then place in it."""
    rows = sorted(Listing.objects.all(), key=lambda x: (_path("listings", x.inventory), x.position))
    return {
        x.id: s.Listing(
            id=x.id,
            inventory=x.inventory,
            name=x.name,
            aliases=tuple(x.aliases),
            country=x.country or None,
            description=x.description,
            urls=tuple(x.urls),
            ties=tuple(
                s.ListedTie(t["kind"], t["object"], t.get("confidence", ""), t.get("note", ""))
                for t in x.ties
            ),
            actor=x.actor_id,
            websites=tuple(x.websites),
            curated=tuple(x.curated),
        )
        for x in rows
    }


def _actor_key(kind: str, actor_id: str) -> str:
    return _path("actors", ACTOR_DIRS[kind], actor_id)


def _actors(cites: Cites, ids: Collection[str] | None = None) -> dict[str, s.Actor]:
    """Give the actors (those of `ids` alone, if given) in file order, with what they hold."""

    def of(owner: str, key: Any) -> tuple[s.Cite, ...]:
        return cites.get((owner, key), ())

    aliases = _grouped(Alias, "actor_id", ids)
    relationships = _grouped(Relationship, "subject_id", ids)
    products = _grouped(Product, "vendor_id", ids)
    rows = Actor.objects.all() if ids is None else Actor.objects.filter(id__in=ids)
    actors = {}
    for a in sorted(rows, key=lambda a: _actor_key(a.kind, a.id)):
        actors[a.id] = s.Actor(
            id=a.id,
            kind=a.kind,
            name=a.name,
            official_name=a.official_name,
            iso_alpha3=a.iso_alpha3,
            country=a.country_id,
            founded=a.founded,
            description=a.description,
            aliases=tuple(s.Alias(x.name, x.kind) for x in aliases[a.id]),
            sources=of("actor", a.id),
            relationships=tuple(
                s.Relationship(
                    r.kind, r.object_id, r.since, r.until, r.note, of("relationship", r.pk)
                )
                for r in relationships[a.id]
            ),
            products=tuple(
                s.Product(p.id, p.name, p.kind, p.description, of("product", p.id))
                for p in products[a.id]
            ),
        )
    return actors


def _sources(ids: Collection[str] | None = None) -> dict[str, s.Source]:
    """Give the sources (those of `ids` alone, if given) in file order."""
    rows = Source.objects.all() if ids is None else Source.objects.filter(id__in=ids)
    return {
        x.id: s.Source(
            id=x.id,
            group=x.group,
            url=x.url,
            kind=x.kind,
            title=x.title,
            publisher=x.publisher,
            published=x.published,
            language=x.language,
            retrieved=x.retrieved,
            archived_url=x.archived_url or None,
            content_hash=x.content_hash,
            note=x.note,
        )
        for x in sorted(rows, key=lambda x: (_path("sources", x.group), x.position))
    }


def _measures(cites: Cites, ids: Collection[str] | None = None) -> dict[str, s.Measure]:
    """Give the measures (those of `ids` alone, if given) in file order, with what they hold."""

    def of(owner: str, key: Any) -> tuple[s.Cite, ...]:
        return cites.get((owner, key), ())

    events = _grouped(MeasureEvent, "measure_id", ids)
    links = _grouped(Link, "measure_id", ids)
    targets = _grouped(Target, "measure_id", ids)
    rows = Measure.objects.all() if ids is None else Measure.objects.filter(id__in=ids)
    return {
        m.id: s.Measure(
            id=m.id,
            actor=m.actor_id,
            family=m.family,
            type=m.type,
            title=m.title,
            summary=m.summary,
            date=m.date,
            events=tuple(s.Event(e.kind, e.date, e.note, of("event", e.pk)) for e in events[m.id]),
            sources=of("measure", m.id),
            targets=tuple(
                s.Target(t.actor_id, t.role, t.since, t.until, t.note) for t in targets[m.id]
            ),
            links=tuple(s.Link(k.provision_id, k.level, k.rationale) for k in links[m.id]),
            note=m.note,
        )
        for m in sorted(rows, key=lambda m: (_path("measures", m.actor_id, m.family), m.position))
    }


# The records a reader can patch into its snapshot after a write (store/current.py), each with
# the query of every row's place in file order; a write touching any other kind is read whole.
PATCHABLE = ("actor", "source", "measure")


class Unpatchable(Exception):
    """The snapshot cannot be patched to the database's state: it is read whole instead."""


def patched(
    old: s.Snapshot, touched: Collection[tuple[str, str]], *, in_place: bool = False
) -> s.Snapshot:
    """Give `old` with the records `touched` (kind, key) read again from the database, added
    or dropped, each in its place: equal to `snapshot_from_db()` when `old` was the database's
    snapshot before the writes that touched them. `in_place`: the writes added, dropped and
    moved none of them (store.DataChange), so their places are those `old` has."""
    keys: dict[str, set[str]] = defaultdict(set)
    for kind, key in touched:
        if kind not in PATCHABLE:
            raise Unpatchable(kind)
        keys[kind].add(key)
    changes: dict[str, Any] = {}
    if keys["actor"]:
        ids = keys["actor"]
        cites = _cites(
            Q(actor_id__in=ids)
            | Q(relationship__subject_id__in=ids)
            | Q(product__vendor_id__in=ids)
        )
        fresh_actors = _actors(cites, ids)
        if in_place:
            changes["actors"] = _in_place(old.actors, fresh_actors, ids)
        else:
            actor_rows = sorted(_columns(Actor, "kind", "id"), key=lambda r: _actor_key(*r))
            order = [i for _k, i in actor_rows]
            changes["actors"] = _merged(old.actors, fresh_actors, order, ids)
    if keys["source"]:
        ids = keys["source"]
        if in_place:
            changes["sources"] = _in_place(old.sources, _sources(ids), ids)
        else:
            source_rows = _columns(Source, "group", "position", "id")
            order = [
                i for _g, _p, i in sorted(source_rows, key=lambda r: (_path("sources", r[0]), r[1]))
            ]
            changes["sources"] = _merged(old.sources, _sources(ids), order, ids)
    if keys["measure"]:
        ids = keys["measure"]
        cites = _cites(Q(measure_id__in=ids) | Q(event__measure_id__in=ids))
        fresh_measures = _measures(cites, ids)
        if in_place:
            changes["measures"] = _in_place(old.measures, fresh_measures, ids)
        else:
            measure_rows = _columns(Measure, "actor_id", "family", "position", "id")
            order = [
                i
                for _a, _f, _p, i in sorted(
                    measure_rows, key=lambda r: (_path("measures", r[0], r[1]), r[2])
                )
            ]
            changes["measures"] = _merged(old.measures, fresh_measures, order, ids)
    return replace(old, **changes)


def _columns(model: Any, *names: str) -> list[tuple[Any, ...]]:
    """Give these columns of every row of the model's table (plain SQL: tens of thousands of
    rows through the ORM's row building cost more than the rest of a patch)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in names)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote(model._meta.db_table)}")
        return list(cursor.fetchall())


def _merged(
    old: Mapping[str, T], fresh: dict[str, T], order: list[str], ids: set[str]
) -> dict[str, T]:
    out = {}
    for key in order:
        record = fresh.get(key) if key in ids else old.get(key)
        if record is None:
            raise Unpatchable(key)  # a record neither read again nor held: the log missed it
        out[key] = record
    return out


def _in_place(old: Mapping[str, T], fresh: dict[str, T], ids: set[str]) -> dict[str, T]:
    """Give `old` with the records of `ids` replaced by those read again, in their places (a
    write that added, dropped or moved none: any of them missing on either side is a log
    that does not match the database, so the snapshot is read whole)."""
    if fresh.keys() != ids or not ids <= old.keys():
        raise Unpatchable(sorted(ids ^ fresh.keys()) or sorted(ids - old.keys()))
    out = dict(old)
    out.update(fresh)  # an existing key keeps its place
    return out


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}
