"""FollowTheMoney entities: actors, designations as sanctions, ownership and other ties.

Each entity is built through `followthemoney`'s model (unknown properties and invalid values
fail), then written one JSON object per line in ID order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from django.utils.translation import gettext_lazy
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.schema import ValidationData

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.licence import LICENCE_URL
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.tables import listed_note
from mercwatch.market.services import designation
from mercwatch.tracker.snapshot import Actor, Snapshot

SCHEMA_OF_KIND = {
    "country": "PublicBody",
    "supranational": "PublicBody",
    "company": "Company",
    "vendor": "Company",
    "civil-society": "Organization",
    "person": "Person",
}
PUBLISHER = "mercwatch (data under CC BY 4.0)"


def entity_id(*parts: str) -> str:
    """Give a stable FtM ID made of public IDs."""
    return "mw-" + "-".join(p.replace("/", "-") for p in parts).lower()


def _make(schema: str, *parts: str, **props: Any) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity_id(*parts)
    for name, value in props.items():
        if value not in (None, "", [], ()):
            proxy.add(name, [str(v) for v in value] if isinstance(value, list) else str(value))
    proxy.add("publisher", PUBLISHER)
    proxy.add("publisherUrl", LICENCE_URL)
    return proxy


def _country(data: Snapshot, actor: Actor) -> str | None:
    if actor.kind == "country":
        return actor.id.lower()
    return actor.country.lower() if actor.country and actor.country in data.actors else None


def _actor(data: Snapshot, a: Actor) -> EntityProxy:
    names = {"alias": [x.name for x in a.aliases if x.kind == "alias"]}
    names["previousName"] = [x.name for x in a.aliases if x.kind == "former"]
    legal = [x.name for x in a.aliases if x.kind == "legal"]
    if a.kind == "person":
        names["alias"] += legal
    props: dict[str, Any] = {"name": a.name, "description": a.description, **names}
    if a.kind == "country":
        props["jurisdiction"] = a.id.lower()
    elif a.kind != "supranational":
        props["country"] = _country(data, a)
    if a.kind != "person":
        props["alias"] = props["alias"] + legal + ([a.official_name] if a.official_name else [])
        props["incorporationDate"] = str(a.founded) if a.founded else None
    return _make(SCHEMA_OF_KIND[a.kind], a.id, **props)


def _ties(data: Snapshot) -> Iterator[EntityProxy]:
    for a in data.actors.values():
        for r in a.relationships:
            ids = (a.id, r.kind, r.object)
            when = {"startDate": r.since, "endDate": r.until, "description": r.note}
            subject, obj = entity_id(a.id), entity_id(r.object)
            if r.kind == "owner":
                yield _make("Ownership", *ids, owner=subject, asset=obj, **when)
            elif r.kind == "subsidiary":
                yield _make("Ownership", *ids, owner=obj, asset=subject, **when)
            elif r.kind in {"executive", "founder"} and data.actors[r.object].kind != "person":
                yield _make("Directorship", *ids, director=subject, organization=obj, role=r.kind,
                            **when)  # fmt: skip
            elif r.kind in {"member", "part-of"}:
                yield _make("Membership", *ids, member=subject, organization=obj, role=r.kind,
                            **when)  # fmt: skip
            else:
                yield _make("UnknownLink", *ids, subject=subject, object=obj, role=r.kind, **when)


def _measures(data: Snapshot) -> Iterator[EntityProxy]:
    for mid, m in data.measures.items():
        actor_id = m.actor
        issuer = data.actors[actor_id]
        urls = [data.sources[c.source].url for c in m.sources]
        for t in m.targets:
            common = {
                "startDate": t.since or m.date,
                "endDate": t.until,
                "sourceUrl": urls,
                "summary": m.title,
            }
            found = designation(m, t)
            if found is not None:  # the one rule of what a designation is (market/services.py)
                dates = {"startDate": found.since, "endDate": found.until}
                yield _make("Sanction", mid, t.actor, entity=entity_id(t.actor),
                            authority=issuer.name, program=m.title, reason=m.summary,
                            country=_country(data, issuer), **{**common, **dates})  # fmt: skip
            else:
                yield _make("UnknownLink", mid, t.actor, subject=entity_id(actor_id),
                            object=entity_id(t.actor), role=t.role, **common)  # fmt: skip


def _listings(data: Snapshot) -> Iterator[EntityProxy]:
    """Imported candidates, as companies marked in their summary: listed, not reviewed."""
    for key, x in data.listings.items():
        yield _make(
            "Company", "listing", key, name=x.name, alias=list(x.aliases),
            country=x.country.lower() if x.country else None, description=x.description,
            sourceUrl=list(x.urls), website=list(x.websites),
            summary=f"Candidate: {listed_note(x.inventory)}; never used for scoring.",
        )  # fmt: skip


def entities(data: Snapshot) -> list[EntityProxy]:
    """Give every entity, validated by its schema, sorted by ID."""
    found = [_actor(data, a) for a in data.actors.values()]
    found += [*_ties(data), *_measures(data), *_listings(data)]
    for proxy in found:
        proxy.schema.validate(cast(ValidationData, proxy.to_dict()))
    return sorted(found, key=lambda p: str(p.id))


def write_ftm(bundle: Bundle, out: Path) -> None:
    """Write one FtM entity per line (JSON), sorted by ID, properties sorted."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for proxy in entities(bundle.data):
        doc = proxy.to_dict()
        doc["properties"] = {k: sorted(v) for k, v in sorted(doc["properties"].items())}
        lines.append(json.dumps(doc, ensure_ascii=False, sort_keys=True))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


register(
    Exporter(
        name="ftm",
        title=gettext_lazy("FollowTheMoney entities (JSON lines)"),
        filename="mercwatch-{label}.ftm.json",
        media_type="application/json",
        write=write_ftm,
    )
)
