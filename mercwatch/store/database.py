"""The database's records as a snapshot, read straight from the tables (one query a table).

Records come in the order the loader gives them – the order of the data files' paths, then of
the entries in each file – so a snapshot of the database equals the snapshot of the directory
it was loaded from.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mercwatch.market.models import Product, Relationship
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


def _path(*parts: str) -> str:
    """Give the data file's path, by which the loader orders records (`a-b` before `a`)."""
    return "/".join(parts) + ".yaml"


def _cites() -> dict[tuple[str, Any], tuple[s.Cite, ...]]:
    out: dict[tuple[str, Any], list[s.Cite]] = defaultdict(list)
    row: dict[str, Any]
    for row in Citation.objects.order_by("position").values():  # type: ignore[assignment]
        owner = next(f for f in CITATION_OWNERS if row[f"{f}_id"] is not None)
        out[(owner, row[f"{owner}_id"])].append(
            s.Cite(
                row["source_id"], row["excerpt"], row["locator"], row["stance"], row["kind"] or None
            )
        )
    return {key: tuple(cites) for key, cites in out.items()}


def _grouped(model: Any, key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for row in model.objects.order_by("position"):
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

    aliases = _grouped(Alias, "actor_id")
    relationships = _grouped(Relationship, "subject_id")
    products = _grouped(Product, "vendor_id")
    actors = {}
    for a in sorted(Actor.objects.all(), key=lambda a: _path("actors", ACTOR_DIRS[a.kind], a.id)):
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

    sources_rows = sorted(
        Source.objects.all(), key=lambda x: (_path("sources", x.group), x.position)
    )
    sources = {
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
        for x in sources_rows
    }

    events = _grouped(MeasureEvent, "measure_id")
    links = _grouped(Link, "measure_id")
    targets = _grouped(Target, "measure_id")
    rows = sorted(
        Measure.objects.all(),
        key=lambda m: (_path("measures", m.actor_id, m.family), m.position),
    )
    measures = {
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
        for m in rows
    }

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
    )


def _fields(record: Any) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__slots__}
