"""Findings from published investigations, as proposed measures for an editor.

Two indexes, metadata only – never the indicators themselves:

- `mvt.read_index`: the MVT project's `indicators.yaml` (MIT): each entry names a product or
  campaign, the organisations that documented it and the reports;
- `amnesty.read_index`: Amnesty Tech's investigations, one folder per investigation named
  `YYYY-MM-DD_slug` (CC BY).

Each (entry, documenting organisation) is proposed as a `threat-report` measure of that
organisation naming the vendor (and the product, when the curated data knows them), dated as
the index dates the entry (an entry it does not date is not proposed), citing the reports.
A proposal is *ready* when its organisation and vendor resolve to curated actors and the date is
known; `accept` writes the ready ones through the write path as curated, sourced measures in
`measures/<organisation>/findings.yaml` (the reports as sources in `sources/findings.yaml`).
They carry no link to a provision: an editor adds those, with a rationale.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mercwatch.market.imports.errors import BadInput
from mercwatch.market.imports.matching import normalised
from mercwatch.tracker.snapshot import Actor, Cite, Measure, Snapshot, Source, Target

FAMILY = "findings"
SOURCE_GROUP = "findings"
DATED = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2})(?=[_/-]|$)")


@dataclass(frozen=True)
class Entry:
    """One entry of an index, as read: what it names, who documented it, when, the reports."""

    index: str  # "mvt" or "amnesty"
    name: str
    organisations: tuple[str, ...]
    reports: tuple[str, ...]
    date: str | None
    label: str  # where it stands in the file, for messages
    about: str = ""  # the words that name the vendor (the name, or a folder's slug)


@dataclass(frozen=True)
class Finding:
    title: str
    entry: Entry
    organisation: str | None  # curated actor ID
    organisation_name: str
    vendor: str | None
    product: str | None
    date: str
    status: str  # "ready", "in the data already", or what is missing


@dataclass
class Proposal:
    index: str
    findings: list[Finding] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    data: Snapshot = field(default_factory=Snapshot)

    @property
    def ready(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "ready"]


def read(index: str, path: Path) -> list[Entry]:
    from mercwatch.market.imports import amnesty, mvt

    reader = {"mvt": mvt.read_index, "amnesty": amnesty.read_index}[index]
    return reader(path)


GENERIC = ("group", "technologies", "industries", "international")


def _names(actors: Iterable[Actor], *, cores: bool = False) -> dict[str, str]:
    """Give each normalised name and alias of `actors` with its actor; with `cores`, also
    each without a generic last word ("nso group" as "nso") where the rest is no common word."""
    out: dict[str, str] = {}
    for a in actors:
        for name in (a.name, a.official_name, *(x.name for x in a.aliases)):
            if name:
                form = normalised(name)
                out.setdefault(form, a.id)
                core, _sep, last = form.rpartition(" ")
                if cores and last in GENERIC and len(core) >= 3 and " " not in core:
                    out.setdefault(core, a.id)
    return out


def _within(words: str, forms: dict[str, str]) -> str | None:
    """Give the actor or product whose (longest) normalised name stands in `words`."""
    padded = f" {words} "
    hits = [(len(form), key) for form, key in forms.items() if form and f" {form} " in padded]
    return max(hits)[1] if hits else None


def propose(index: str, path: Path, data: Snapshot) -> Proposal:
    """Give the findings the index at `path` documents, each resolved as far as the curated
    data allows."""
    entries = read(index, path)
    vendors = _names((a for a in data.actors.values() if a.kind == "vendor"), cores=True)
    organisations = _names(a for a in data.actors.values() if a.kind not in {"country"})
    products: dict[str, tuple[str, str]] = {}
    for a in data.actors.values():
        for p in a.products:
            for name in (p.name, *re.split(r"\s*[()]\s*", p.name)):
                products.setdefault(normalised(name), (a.id, p.id))
    product_forms = {form: form for form in products}
    out = Proposal(index, data=data)
    unknown: set[str] = set()
    for entry in entries:
        about = normalised(entry.about or entry.name)
        vendor = _within(about, vendors)
        product_form = _within(about, product_forms)
        product = None
        if product_form is not None:
            owner, product = products[product_form]
            vendor = vendor or owner
        if vendor is None:
            unknown.add(f"vendor named in {entry.label}: {entry.name}")
        for org_name in entry.organisations:
            org = organisations.get(normalised(org_name))
            if org is None:
                unknown.add(f"organisation {org_name}")
            status = "ready"
            if entry.date is None:
                status = "not dated in the index"
            elif org is None:
                status = "organisation unknown"
            elif vendor is None:
                status = "vendor unknown"
            elif not entry.reports:
                status = "no report"
            finding = Finding(
                _title(entry, vendor, product, data), entry, org, org_name, vendor, product,
                entry.date or "", status,
            )  # fmt: skip
            if status == "ready" and measure_id(finding) in data.measures:
                finding = Finding(**{**finding.__dict__, "status": "in the data already"})
            out.findings.append(finding)
            out.counts[finding.status] += 1
    out.unknown = sorted(unknown)
    out.counts["entries"] = len(entries)
    return out


def _title(entry: Entry, vendor: str | None, product: str | None, data: Snapshot) -> str:
    if vendor is None:
        return entry.name
    actor = data.actors[vendor]
    if product is not None:
        name = next(p.name for p in actor.products if p.id == product)
        return f"Report documenting {actor.name}'s {name}"
    return f"Report documenting {actor.name}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalised(text)).strip("-")[:60].strip("-")


def measure_id(f: Finding) -> str:
    return f"{f.entry.index}-{_slug(f.entry.name)}-{f.organisation}"[:100].strip("-")


def source_id(url: str) -> str:
    text = re.sub(r"^https?://(www\.)?", "", url.lower())
    return _slug(text)[:90].strip("-") or "report"


INDEX_TITLES = {
    "mvt": "the MVT project's index of indicators (indicators.yaml)",
    "amnesty": "Amnesty Tech's list of investigations",
}


def build(proposal: Proposal) -> tuple[dict[str, Source], dict[str, Measure]]:
    """Give the sources and measures the ready findings make (reports already cited as
    sources are reused)."""
    data = proposal.data
    by_url = {s.url: s.id for s in data.sources.values()}
    sources: dict[str, Source] = {}
    measures: dict[str, Measure] = {}
    for f in proposal.ready:
        assert f.organisation is not None
        assert f.vendor is not None
        cites: list[Cite] = []
        for url in f.entry.reports:
            sid = by_url.get(url)
            if sid is None:
                sid = source_id(url)
                while sid in data.sources or (sid in sources and sources[sid].url != url):
                    sid = f"{sid[:95]}-x"
                sources[sid] = Source(
                    sid, SOURCE_GROUP, url, "secondary", publisher=_publisher(url, f, data),
                    note=f"{NOT_READ}: {INDEX_TITLES[f.entry.index]} gives the address only.",
                )  # fmt: skip
                by_url[url] = sid
            if all(c.source != sid for c in cites):
                cites.append(Cite(sid))
        org = data.actors[f.organisation].name
        vendor = data.actors[f.vendor].name
        what = f.entry.name
        summary = (
            f"{org} documented {what}, naming {vendor}, as {INDEX_TITLES[f.entry.index]} "
            "records it with the reports cited."
        )
        mid = measure_id(f)
        measures[mid] = Measure(
            id=mid,
            actor=f.organisation,
            family=FAMILY,
            type="threat-report",
            title=f.title,
            summary=summary,
            date=_date(f.date),
            sources=tuple(cites),
            targets=(Target(f.vendor, "named"),),
            note=(
                f"Imported from {INDEX_TITLES[f.entry.index]}, {f.entry.label}; metadata only. "
                "Dated as the index dates the entry. No provision is linked yet."
            ),
        )
    return sources, measures


NOT_READ = "Title not read"


def _publisher(url: str, f: Finding, data: Snapshot) -> str:
    """Give the organisation among the entry's whose name the address's host spells (the
    index names who documented it, not who wrote which report), else the host itself."""
    host = re.sub(r"^https?://", "", url).split("/")[0].lower().removeprefix("www.")
    for name in f.entry.organisations:
        squeezed = normalised(name).replace(" ", "")
        if squeezed and squeezed in host.replace(".", "").replace("-", ""):
            actor = data.actors.get(f.organisation or "")
            return actor.name if actor and normalised(actor.name) == normalised(name) else name
    return host


def _date(text: str) -> Any:
    from mercwatch.core.partial_dates import PartialDate

    return PartialDate.parse(text)


def accept(proposal: Proposal, *, reason: str, user: Any = None) -> int:
    """Write the ready findings as curated measures through the write path; give how many."""
    from mercwatch.store.sync import write_records
    from mercwatch.store.writes import apply

    sources, measures = build(proposal)
    if not measures:
        return 0
    apply(lambda: write_records(sources, measures, reason=reason), reason=reason, user=user)
    return len(measures)


def check_reports(urls: Any, label: str, shown: str) -> tuple[str, ...]:
    if urls is None:
        return ()
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise BadInput(shown, [f"{label}: references: expected a list of URLs"])
    out: list[str] = []
    for url in urls:
        url = url.strip()
        if not re.match(r"^https?://\S+$", url):
            raise BadInput(shown, [f"{label}: references: {url!r} is not a web address"])
        if url not in out:
            out.append(url)
    return tuple(out)
