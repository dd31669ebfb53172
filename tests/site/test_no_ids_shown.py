"""Readers see names and sentences: walking the actor, vendor, person, timeline, evidence,
measure, source and changes pages of the bundled data, no actor ID, source or measure slug,
`kind:ID` cause, country code or raw relationship kind reaches the text of the page's main part
(tests/site/text.py: what a browser shows of it, and what CSS hides too)."""

from __future__ import annotations

import re

import pytest

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.site.services.links import actor_url
from mercwatch.tracker.snapshot import Snapshot
from tests.site.text import texts

pytestmark = pytest.mark.django_db

GOVERNMENTS = ("US", "GR", "RO", "GB", "FR", "IL", "EU")
ADDRESSES = re.compile(r"\S*(?:https?://|\.\w)\S*")  # URLs and host names, shown as addresses
KIND_ID = re.compile(r"(?<![\w-])[a-z][a-z-]*:[A-Za-z0-9][\w-]*")
RAW = re.compile(r"(?i)\bpart-of\b|\ba owner\b|\bbased in [A-Z]{2}\b|\bRule: [a-z-]+\.")


def _paths(data: Snapshot) -> list[str]:
    market = [a for a in data.actors.values() if a.kind in {"vendor", "person"}]
    others = [a for a in data.actors.values() if a.kind in {"company", "civil-society"}]
    paths = [actor_url(a.id, a.kind) for a in market + others[:10]]
    paths += [f"/vendors/{a.id}/products/{p.id}/" for a in market for p in a.products if p.sources]
    paths.append("/market/cross-checks/")
    for code in GOVERNMENTS:
        paths += [f"/governments/{code}/", f"/governments/{code}/measures/?as_of=2024-06-01"]
    paths.append("/governments/US/evidence/blueprint/5/")
    measures = {i for i, m in data.measures.items() if m.actor in GOVERNMENTS[:2]}
    measures |= {i for i, m in data.measures.items() if m.targets}
    paths += [f"/measures/{i}/" for i in sorted(measures)]
    cited = {c.source for a in market for c in a.sources}
    cited |= {c.source for members in data.memberships.values() for m in members for c in m.sources}
    paths += [f"/sources/{s}/" for s in sorted(cited)[:80]]
    paths += ["/changes/?since=2024-01-01", "/changes/?since=2021-01-01&until=2023-12-31"]
    paths += ["/methodology/", "/provisions/"] + [
        f"/provisions/{c}/" for c in sorted(data.provisions)
    ]
    return paths


def test_no_page_shows_an_internal_id_slug_or_code(client, bundled_db, bundled_data):
    data = bundled_data
    slugs = {a for a in data.actors if a != a.upper()} | set(data.sources) | set(data.measures)
    # Provision codes ("blueprint/5") and framework IDs ("paris-call"; not "blueprint", a word).
    slugs |= set(data.provisions) | {f for f in data.frameworks if f != "blueprint"}
    ids = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(slugs))) + r")(?![\w-])")
    codes = {a.id for a in data.actors.values() if a.kind in GOVERNMENT_KINDS}
    found: dict[str, list[str]] = {}
    for path in _paths(data):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        [main] = texts(html)
        text = ADDRESSES.sub(" ", main)
        bad = ids.findall(text) + KIND_ID.findall(text) + RAW.findall(text)
        for sub in texts(html, "p", "sub"):
            bad += [c for c in re.findall(r"\b[A-Z]{2}\b", sub) if c in codes]
        if bad:
            found[path] = sorted(set(bad))
    assert found == {}
