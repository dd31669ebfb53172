"""STIX 2.1 bundle: identities for actors, relationships, reports for findings, products.

Objects get UUIDv5 IDs from public IDs and the edition's date as their timestamps, so the same
data gives the same bundle; a statement marking carries the data licence on every object.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import stix2
from django.utils.translation import gettext_lazy

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.licence import ATTRIBUTION, LICENCE_URL
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.tables import listed_note
from mercwatch.tracker.snapshot import Snapshot

NAMESPACE = uuid.UUID("6f1d6c1e-5b0a-4c1b-9d55-6d6572637761")
FINDING_TYPES = {"threat-report", "transparency-report", "takedown"}
MALWARE_WORDS = ("spyware", "malware", "implant", "trojan", "exploit")
IDENTITY_CLASS = {"person": "individual"}
SECTORS = {
    "country": ["government"],
    "supranational": ["government"],
    "civil-society": ["non-profit"],
    "company": ["technology"],
    "vendor": ["technology"],
}


def stix_id(kind: str, *parts: str) -> str:
    """Give a stable STIX ID: `kind--` a UUIDv5 of the public IDs."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, '/'.join((kind, *parts)))}"


class _Maker:
    def __init__(self, bundle: Bundle) -> None:
        self.data: Snapshot = bundle.data
        self.stamp = dt.datetime.combine(bundle.as_of, dt.time(), tzinfo=dt.UTC)
        self.marking = stix2.MarkingDefinition(
            id=stix_id("marking-definition", "licence"),
            created=self.stamp,
            definition_type="statement",
            definition=stix2.StatementMarking(statement=f"{ATTRIBUTION} {LICENCE_URL}"),
        )
        self.author = stix2.Identity(
            id=stix_id("identity", "mercwatch"),
            name="mercwatch",
            identity_class="organization",
            **self._common(),
        )

    def _common(self) -> dict[str, Any]:
        return {
            "created": self.stamp,
            "modified": self.stamp,
            "object_marking_refs": [stix_id("marking-definition", "licence")],
        }

    def mark(self) -> dict[str, Any]:
        return {**self._common(), "created_by_ref": self.author.id}

    def identities(self) -> Iterator[Any]:
        for a in self.data.actors.values():
            extra: dict[str, Any] = {}
            if a.kind in SECTORS:
                extra["sectors"] = SECTORS[a.kind]
            if a.description:
                extra["description"] = a.description
            yield stix2.Identity(
                id=stix_id("identity", a.id),
                name=a.name,
                identity_class=IDENTITY_CLASS.get(a.kind, "organization"),
                **extra,
                **self.mark(),
            )

    def listings(self) -> Iterator[Any]:
        """Imported candidates: identities labelled as such, never a curated actor's."""
        for key, x in self.data.listings.items():
            note = f"Candidate: {listed_note(x.inventory)}; never used for scoring."
            yield stix2.Identity(
                id=stix_id("identity", "listing", key),
                name=x.name,
                identity_class="organization",
                description=f"{note}\n\n{x.description}" if x.description else note,
                external_references=[{"source_name": x.inventory, "url": url} for url in x.urls]
                or None,
                **self.mark(),
            )

    def ties(self) -> Iterator[Any]:
        for a in self.data.actors.values():
            for r in a.relationships:
                yield stix2.Relationship(
                    id=stix_id("relationship", a.id, r.kind, r.object),
                    relationship_type="related-to",
                    source_ref=stix_id("identity", a.id),
                    target_ref=stix_id("identity", r.object),
                    description=f"{a.name} is {r.kind} of {self.data.actors[r.object].name}",
                    external_references=self._refs(r.sources),
                    **self.mark(),
                )
            for p in a.products:
                kind = "malware" if any(w in p.kind.lower() for w in MALWARE_WORDS) else "tool"
                extra = {"is_family": True} if kind == "malware" else {}
                obj = (stix2.Malware if kind == "malware" else stix2.Tool)(
                    id=stix_id(kind, p.id),
                    name=p.name,
                    description=p.description or f"{p.kind} by {a.name}",
                    external_references=self._refs(p.sources),
                    **extra,
                    **self.mark(),
                )
                yield obj
                yield stix2.Relationship(
                    id=stix_id("relationship", p.id, "made-by", a.id),
                    relationship_type="related-to",
                    source_ref=obj.id,
                    target_ref=stix_id("identity", a.id),
                    description=f"{p.name} is made by {a.name}",
                    **self.mark(),
                )

    def _refs(self, cites: Any) -> list[dict[str, str]]:
        refs = []
        for c in cites:
            source = self.data.sources[c.source]
            refs.append({"source_name": source.publisher or c.source, "url": source.url})
        return refs

    def measures(self) -> Iterator[Any]:
        for mid, m in self.data.measures.items():
            actor_id = m.actor
            if not m.targets:
                continue
            refs = [stix_id("identity", t.actor) for t in m.targets]
            if m.type in FINDING_TYPES:
                yield stix2.Report(
                    id=stix_id("report", mid),
                    name=m.title,
                    description=f"{m.summary} (by {self.data.actors[actor_id].name}, {m.date})",
                    published=dt.datetime.combine(m.date.first_day(), dt.time(), tzinfo=dt.UTC),
                    report_types=["threat-actor"],
                    object_refs=[stix_id("identity", actor_id), *refs],
                    external_references=self._refs(m.sources),
                    **self.mark(),
                )
                continue
            for t in m.targets:
                yield stix2.Relationship(
                    id=stix_id("relationship", mid, t.actor),
                    relationship_type="related-to",
                    source_ref=stix_id("identity", actor_id),
                    target_ref=stix_id("identity", t.actor),
                    description=f"{t.role}: {m.title} ({m.date})",
                    external_references=self._refs(m.sources),
                    **self.mark(),
                )


def stix_bundle(bundle: Bundle) -> stix2.Bundle:
    """Give the STIX 2.1 bundle of the export."""
    maker = _Maker(bundle)
    objects = [maker.marking, maker.author, *maker.identities(), *maker.ties(), *maker.measures()]
    objects += list(maker.listings())
    return stix2.Bundle(
        id=stix_id("bundle", bundle.label), objects=sorted(objects, key=lambda o: o.id)
    )


def write_stix(bundle: Bundle, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    # stix2's own pretty printer is slow; re-indent its compact output with sorted keys.
    doc = json.loads(stix_bundle(bundle).serialize())
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True)
    out.write_text(text + "\n", encoding="utf-8", newline="\n")


register(
    Exporter(
        name="stix",
        title=gettext_lazy("STIX 2.1 bundle"),
        filename="mercwatch-{label}.stix.json",
        media_type="application/stix+json;version=2.1",
        write=write_stix,
    )
)
