"""Writing the database back to the data directory's layout, in canonical YAML."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mercwatch.market.models import Product, Relationship
from mercwatch.tracker.loader.schemas import (
    ACTOR_DIRS,
    ActorFile,
    EditionFile,
    FrameworkFile,
    MeasureFile,
    MembershipFile,
    OverrideFile,
    SourceFile,
)
from mercwatch.tracker.loader.yamlio import write_yaml
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

MANAGED = ("frameworks", "actors", "memberships", "sources", "measures", "methodology")


def _plain(value: Any) -> Any:
    """Write a citation with nothing but its source as the source's ID alone."""
    if isinstance(value, dict):
        out = {k: _plain(v) for k, v in value.items()}
        if "sources" in out and isinstance(out["sources"], list):
            out["sources"] = [
                c["source"] if isinstance(c, dict) and set(c) == {"source"} else c
                for c in out["sources"]
            ]
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _text(model: BaseModel | str) -> str:
    if isinstance(model, str):
        return model
    return write_yaml(_plain(model.model_dump(mode="json", exclude_defaults=True)))


def _optional(value: Any) -> Any:
    return None if value in ("", None) else value


def _strip(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v not in ("", None, [], ())}


class _Citations:
    def __init__(self) -> None:
        self.by_owner: dict[tuple[str, Any], list[dict[str, Any]]] = defaultdict(list)
        for c in Citation.objects.order_by("position"):
            owner = next(f for f in CITATION_OWNERS if getattr(c, f"{f}_id") is not None)
            self.by_owner[(owner, getattr(c, f"{owner}_id"))].append(
                {
                    "source": c.source_id,
                    "excerpt": c.excerpt,
                    "locator": c.locator,
                    "stance": c.stance,
                    "kind": c.kind or None,
                }
            )

    def of(self, owner: str, key: Any) -> list[dict[str, Any]]:
        return self.by_owner.get((owner, key), [])


def _provisions(by_parent: dict[str | None, list[Provision]], parent: str | None) -> list[Any]:
    return [
        _strip(
            {
                "code": p.code,
                "number": p.number,
                "title": p.title,
                "addressees": list(p.addressees),
                "text": p.text,
                "guidance": p.guidance,
                "provisions": _provisions(by_parent, p.code),
            }
        )
        for p in by_parent.get(parent, [])
    ]


def render_files() -> dict[str, str]:
    """Give the text of every data file the database holds, by path relative to the root."""
    return {path: _text(model) for path, model in file_models().items()}


def file_models() -> dict[str, BaseModel | str]:
    """Give every data file the database holds as its checked model (a methodology as text)."""
    cites = _Citations()
    files: dict[str, BaseModel | str] = {}
    by_parent: dict[tuple[str, str | None], list[Provision]] = defaultdict(list)
    for p in Provision.objects.order_by("position"):
        by_parent[(p.framework_id, p.parent_id)].append(p)
    for fw in Framework.objects.all():
        tree = {parent: items for (fid, parent), items in by_parent.items() if fid == fw.id}
        framework = FrameworkFile.model_validate(
            {
                "id": fw.id,
                "title": fw.title,
                "short_title": fw.short_title,
                "position": fw.position,
                "publisher": fw.publisher,
                "date": fw.date,
                "url": _optional(fw.url),
                "description": fw.description,
                "sources": cites.of("framework", fw.id),
                "provisions": _provisions(tree, None),
            }
        )
        files[f"frameworks/{fw.id}.yaml"] = framework

    aliases: dict[str, list[Alias]] = defaultdict(list)
    for alias in Alias.objects.order_by("position"):
        aliases[alias.actor_id].append(alias)
    relationships: dict[str, list[Relationship]] = defaultdict(list)
    for rel in Relationship.objects.order_by("position"):
        relationships[rel.subject_id].append(rel)
    products: dict[str, list[Product]] = defaultdict(list)
    for product in Product.objects.order_by("position"):
        products[product.vendor_id].append(product)
    for actor in Actor.objects.all():
        actor_file = ActorFile.model_validate(
            {
                "id": actor.id,
                "kind": actor.kind,
                "name": actor.name,
                "official_name": actor.official_name,
                "iso_alpha3": actor.iso_alpha3,
                "country": actor.country_id,
                "founded": actor.founded,
                "description": actor.description,
                "aliases": [{"name": a.name, "kind": a.kind} for a in aliases[actor.id]],
                "sources": cites.of("actor", actor.id),
                "relationships": [
                    {
                        "kind": r.kind,
                        "object": r.object_id,
                        "since": r.since,
                        "until": r.until,
                        "note": r.note,
                        "sources": cites.of("relationship", r.pk),
                    }
                    for r in relationships[actor.id]
                ],
                "products": [
                    {
                        "id": p.id,
                        "name": p.name,
                        "kind": p.kind,
                        "description": p.description,
                        "sources": cites.of("product", p.id),
                    }
                    for p in products[actor.id]
                ],
            }
        )
        files[f"actors/{ACTOR_DIRS[actor.kind]}/{actor.id}.yaml"] = actor_file

    members: dict[str, list[Membership]] = defaultdict(list)
    for m in Membership.objects.order_by("position"):
        members[m.framework_id].append(m)
    for framework_id, rows in members.items():
        member_file = MembershipFile.model_validate(
            {
                "framework": framework_id,
                "members": [
                    {
                        "actor": m.actor_id,
                        "role": m.role,
                        "since": m.since,
                        "until": m.until,
                        "note": m.note,
                        "sources": cites.of("membership", m.pk),
                    }
                    for m in rows
                ],
            }
        )
        files[f"memberships/{framework_id}.yaml"] = member_file

    groups: dict[str, list[Source]] = defaultdict(list)
    for s in Source.objects.order_by("position"):
        groups[s.group].append(s)
    for group, sources in groups.items():
        source_file = SourceFile.model_validate(
            {
                "sources": [
                    {
                        "id": s.id,
                        "url": s.url,
                        "kind": s.kind,
                        "title": s.title,
                        "publisher": s.publisher,
                        "published": s.published,
                        "language": s.language,
                        "retrieved": s.retrieved,
                        "archived_url": _optional(s.archived_url),
                        "content_hash": s.content_hash,
                        "note": s.note,
                    }
                    for s in sources
                ]
            }
        )
        files[f"sources/{group}.yaml"] = source_file

    files.update(_measure_files(cites))
    overrides = list(Override.objects.order_by("position"))
    if overrides:
        files["overrides.yaml"] = OverrideFile.model_validate(
            {
                "overrides": [
                    {
                        "actor": o.actor_id,
                        "provision": o.provision_id,
                        "level": o.level,
                        "rationale": o.rationale,
                        "since": o.since,
                        "until": o.until,
                        "sources": cites.of("override", o.pk),
                    }
                    for o in overrides
                ]
            }
        )
    editions = list(Edition.objects.order_by("position"))
    if editions:
        files["editions.yaml"] = EditionFile.model_validate(
            {
                "editions": [
                    {
                        "id": e.id,
                        "title": e.title,
                        "as_of": e.as_of,
                        "published": e.published,
                        "methodology": e.methodology,
                        "notes": e.notes,
                    }
                    for e in editions
                ]
            }
        )
    for method in Methodology.objects.all():
        files[f"methodology/{method.version}.yaml"] = method.document
    return files


def _measure_files(cites: _Citations) -> dict[str, BaseModel]:
    events: dict[str, list[MeasureEvent]] = defaultdict(list)
    for e in MeasureEvent.objects.order_by("position"):
        events[e.measure_id].append(e)
    links: dict[str, list[Link]] = defaultdict(list)
    for link in Link.objects.order_by("position"):
        links[link.measure_id].append(link)
    targets: dict[str, list[Target]] = defaultdict(list)
    for t in Target.objects.order_by("position"):
        targets[t.measure_id].append(t)
    families: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for m in Measure.objects.order_by("actor_id", "family", "position"):
        families[(m.actor_id, m.family)].append(
            {
                "id": m.id,
                "type": m.type,
                "title": m.title,
                "summary": m.summary,
                "date": m.date,
                "events": [
                    {
                        "kind": e.kind,
                        "date": e.date,
                        "note": e.note,
                        "sources": cites.of("event", e.pk),
                    }
                    for e in events[m.id]
                ],
                "sources": cites.of("measure", m.id),
                "targets": [
                    {
                        "actor": t.actor_id,
                        "role": t.role,
                        "since": t.since,
                        "until": t.until,
                        "note": t.note,
                    }
                    for t in targets[m.id]
                ],
                "links": [
                    {"provision": k.provision_id, "level": k.level, "rationale": k.rationale}
                    for k in links[m.id]
                ],
                "note": m.note,
            }
        )
    return {
        f"measures/{actor}/{family}.yaml": MeasureFile.model_validate({"measures": rows})
        for (actor, family), rows in families.items()
    }


def dump_dir(root: Path) -> tuple[int, int]:
    """Write every data file under `root`; remove data files no record needs.

    Gives (files written, files removed).
    """
    files = render_files()
    removed = 0
    for sub in (*MANAGED, "overrides.yaml", "editions.yaml"):
        base = root / sub
        paths = [base] if base.is_file() else list(base.rglob("*.yaml")) if base.is_dir() else []
        for path in paths:
            if str(path.relative_to(root)) not in files:
                path.unlink()
                removed += 1
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files), removed
