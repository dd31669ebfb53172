"""The API's records: plain dicts made from the checked dataset, in the data's stable order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.derive import EventIn, MeasureIn, in_force_window
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.snapshot import Actor, Cite, Measure, Snapshot

Record = dict[str, Any]


def _d(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def cites(items: tuple[Cite, ...]) -> list[Record]:
    return [
        {
            "source": c.source,
            "excerpt": c.excerpt,
            "locator": c.locator,
            "stance": c.stance,
            "kind": c.kind,
        }
        for c in items
    ]


def framework(data: Snapshot, fid: str) -> Record:
    fw = data.frameworks[fid]
    return {
        "id": fw.id,
        "title": fw.title,
        "short_title": fw.short_title,
        "publisher": fw.publisher,
        "date": _d(fw.date),
        "url": fw.url,
        "description": fw.description,
        "provisions": [
            c for c, p in data.provisions.items() if p.framework == fid and not p.parent
        ],
        "sources": cites(fw.sources),
    }


def provision(data: Snapshot, code: str) -> Record:
    entry = data.provisions[code]
    fid, parent = entry.framework, entry.parent
    return {
        "code": code,
        "framework": fid,
        "parent": parent,
        "number": entry.number,
        "title": entry.title,
        "text": entry.text,
        "addressees": list(entry.addressees),
        "guidance": entry.guidance,
        "children": [p.code for p in entry.provisions],
    }


def actor(data: Snapshot, a: Actor) -> Record:
    return {
        "id": a.id,
        "kind": a.kind,
        "name": a.name,
        "official_name": a.official_name,
        "iso_alpha3": a.iso_alpha3,
        "country": a.country,
        "founded": _d(a.founded),
        "description": a.description,
        "aliases": [{"name": x.name, "kind": x.kind} for x in a.aliases],
        "products": [
            {"id": p.id, "name": p.name, "kind": p.kind, "description": p.description,
             "sources": cites(p.sources)}
            for p in a.products
        ],
        "sources": cites(a.sources),
    }  # fmt: skip


def memberships(data: Snapshot) -> list[Record]:
    return [
        {
            "id": f"{fid}/{m.actor}",
            "actor": m.actor,
            "framework": fid,
            "role": m.role,
            "since": _d(m.since),
            "until": _d(m.until),
            "note": m.note,
            "sources": cites(m.sources),
        }
        for fid, members in data.memberships.items()
        for m in members
    ]


def source(data: Snapshot, sid: str) -> Record:
    s = data.sources[sid]
    group = s.group
    return {
        "id": sid,
        "group": group,
        "url": s.url,
        "kind": s.kind,
        "title": s.title,
        "publisher": s.publisher,
        "published": _d(s.published),
        "language": s.language,
        "retrieved": _d(s.retrieved),
        "archived_url": s.archived_url,
        "content_hash": s.content_hash,
        "note": s.note,
    }


def _events(m: Measure) -> list[EventIn]:
    return [EventIn(e.kind, e.date) for e in m.events]


def window(method: MethodologyFile, m: Measure) -> tuple[dt.date, dt.date | None]:
    """Give the first day the measure counts and the first day it no longer does."""
    return in_force_window(
        method, MeasureIn(m.id, m.actor, m.title, m.date, (), (), tuple(_events(m)))
    )


def status_in(window: tuple[dt.date, dt.date | None], day: dt.date) -> str:
    """Give `pending`, `in-force` or `ended`: where a measure counting in `window` stands."""
    start, end = window
    if day < start:
        return "pending"
    return "ended" if end is not None and end <= day else "in-force"


def measure(data: Snapshot, mid: str) -> Record:
    """Give the measure as published, its `status` left None: it depends on the day asked
    (`status_in`), the rest on the data alone."""
    m = data.measures[mid]
    actor_id, family = m.actor, m.family
    return {
        "id": mid,
        "actor": actor_id,
        "family": family,
        "type": m.type,
        "title": m.title,
        "summary": m.summary,
        "date": str(m.date),
        "status": None,
        "events": [
            {"kind": e.kind, "date": str(e.date), "note": e.note, "sources": cites(e.sources)}
            for e in m.events
        ],
        "sources": cites(m.sources),
        "targets": [
            {"actor": t.actor, "role": t.role, "since": _d(t.since), "until": _d(t.until),
             "note": t.note}
            for t in m.targets
        ],
        "links": [
            {"provision": k.provision, "level": k.level, "rationale": k.rationale}
            for k in m.links
        ],
        "note": m.note,
    }  # fmt: skip


def relationships(data: Snapshot) -> list[Record]:
    return [
        {
            "id": f"{a.id}/{r.kind}/{r.object}",
            "subject": a.id,
            "kind": r.kind,
            "object": r.object,
            "since": _d(r.since),
            "until": _d(r.until),
            "note": r.note,
            "sources": cites(r.sources),
        }
        for a in data.actors.values()
        for r in a.relationships
    ]


def editions(data: Snapshot) -> list[Record]:
    return [
        {
            "id": e.id,
            "title": e.title,
            "as_of": e.as_of.isoformat(),
            "published": e.published.isoformat(),
            "methodology": e.methodology,
            "notes": e.notes,
        }
        for e in data.editions
    ]
