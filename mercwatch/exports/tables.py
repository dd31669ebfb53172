"""The dataset as flat tables, one per record type: the shape every tabular export shares.

Rows come in the data's own stable order; every table has a one-column primary key made of
public IDs, so the same data always gives the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mercwatch.core.partial_dates import PartialDate
from mercwatch.exports.meanings import allowed, meaning
from mercwatch.tracker.derive import Assessment
from mercwatch.tracker.models import CITATION_OWNERS as OWNERS
from mercwatch.tracker.snapshot import Cite, Snapshot, flatten

Value = str | int | bool | None


@dataclass(frozen=True)
class Column:
    """One column: its name, its type (string, integer, boolean, date, precision), what it
    refers to, what it means and the values it may take (with their labels)."""

    name: str
    type: str = "string"
    references: str | None = None  # the table whose primary key this column holds
    description: str = ""
    values: tuple[tuple[str, str], ...] = ()


@dataclass
class Table:
    """A named table: the first column is its primary key."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: list[tuple[Value, ...]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.columns[0].name

    def add(self, *values: Any) -> None:
        """Add a row of the values of every column but the precisions, which are derived."""
        given = iter(values)
        row: list[Value] = []
        for column in self.columns:
            if column.type == "precision":
                row.append(_precision(row[-1]))
            else:
                row.append(_plain(next(given)))
        assert next(given, None) is None, f"{self.name}: too many values"
        self.rows.append(tuple(row))


def _precision(date: Value) -> str | None:
    if date is None or date == "":
        return None
    return PartialDate.parse(date).precision.name.lower()


def _plain(value: Any) -> Value:
    if isinstance(value, PartialDate):
        return str(value)
    if value is None or isinstance(value, str | int | bool):
        return value
    return str(value)


def _c(table: str, spec: str) -> Iterator[Column]:
    """Give a column from `name`, `name:type` or `name>table` (a reference); a date column is
    followed by its `_precision` column."""
    name, _sep, refs = spec.partition(">")
    name, _sep, kind = name.partition(":")
    yield Column(name, kind or "string", refs or None, meaning(table, name), allowed(table, name))
    if kind == "date":
        precision = f"{name}_precision"
        yield Column(
            precision, "precision", None, meaning(table, precision), allowed(table, precision)
        )


def _table(name: str, description: str | Promise, *specs: str) -> Table:
    return Table(name, str(description), tuple(c for s in specs for c in _c(name, s)))


# Each owner a citation may have (tracker/models.py), with the table its column points to.
CITATION_OWNERS = tuple(
    (owner, {"event": "measure_events"}.get(owner, f"{owner}s")) for owner in OWNERS
)

# The tables that mirror a database table row for row (assessments are derived, not stored).
STORED = (
    "frameworks",
    "provisions",
    "actors",
    "aliases",
    "memberships",
    "sources",
    "measures",
    "measure_events",
    "links",
    "targets",
    "overrides",
    "relationships",
    "products",
    "citations",
    "editions",
    "methodologies",
)


CANDIDATE = "candidate"
INVENTORIES = {"misp-galaxy": "the MISP galaxy"}


def listed_note(inventory: str) -> str:
    """Give the words every export puts on an imported entry: a candidate, not reviewed."""
    return f"listed by {INVENTORIES.get(inventory, inventory)}, not yet reviewed"


class _Builder:
    def __init__(self) -> None:
        t = _table
        self.t = {
            x.name: x
            for x in (
                t("frameworks", _("Sets of norms"), "id", "title", "short_title", "publisher",
                  "date:date", "url", "description", "position:integer"),
                t("provisions", _("Recommendations, principles and commitments"), "code",
                  "framework>frameworks", "parent>provisions", "number", "position:integer",
                  "title", "text", "addressees", "guidance"),
                t("actors", _("Countries, bodies, companies, organisations, vendors, persons"),
                  "id", "kind", "name", "official_name", "iso_alpha3", "country>actors",
                  "founded:date", "description"),
                t("aliases", _("Other names of actors"), "id", "actor>actors", "name", "kind",
                  "position:integer"),
                t("memberships", _("Dated support for or signature of a framework"), "id",
                  "actor>actors", "framework>frameworks", "role", "since:date", "until:date",
                  "note", "position:integer"),
                t("sources", _("Documents cited"), "id", "group", "url", "title", "publisher",
                  "kind", "published:date", "language", "retrieved:date", "archived_url",
                  "content_hash", "note", "position:integer"),
                t("measures", _("What actors did"), "id", "actor>actors", "family",
                  "position:integer", "type", "title", "summary", "date:date", "note"),
                t("measure_events", _("Dated steps in a measure's life"), "id",
                  "measure>measures", "kind", "date:date", "position:integer", "note"),
                t("links", _("How far a measure goes toward a provision"), "id",
                  "measure>measures", "provision>provisions", "level", "rationale",
                  "position:integer"),
                t("targets", _("Market actors a measure is aimed at"), "id", "measure>measures",
                  "actor>actors", "role", "since:date", "until:date", "note",
                  "position:integer"),
                t("overrides", _("Editors' statuses, each with a rationale"), "id", "actor>actors",
                  "provision>provisions", "level", "rationale", "since:date", "until:date",
                  "position:integer"),
                t("relationships", _("Dated ties between actors"), "id", "subject>actors", "kind",
                  "object>actors", "since:date", "until:date", "note", "position:integer"),
                t("products", _("Vendors' products"), "id", "vendor>actors", "name", "kind",
                  "description", "position:integer"),
                t("citations", _("Records citing sources; exactly one owner column is set"), "id",
                  "source>sources", "excerpt", "locator", "stance", "kind", "position:integer",
                  *(f"{owner}>{table}" for owner, table in CITATION_OWNERS)),
                t("editions", _("Published states of the tracker"), "id", "title", "as_of:date",
                  "published:date", "methodology>methodologies", "notes", "position:integer"),
                t("methodologies", _("Methodology versions, verbatim"), "version", "document"),
                t("listings", _("Candidates: entries of imported inventories of the market, "
                                "listed but not yet reviewed, never scored"), "id", "inventory",
                  "name", "aliases", "country", "description", "urls", "websites",
                  "actor>actors", "status", "note", "position:integer"),
                t("listed_ties", _("Ties an imported inventory records between its entries "
                                   "(candidates, not yet reviewed)"), "id",
                  "listing>listings", "kind", "object>listings", "confidence", "note",
                  "position:integer"),
                t("assessments", _("Derived status of each actor on each provision at the date"),
                  "id", "actor>actors", "provision>provisions", "as_of:date", "level", "label",
                  "score:integer", "derived:boolean", "confidence", "methodology>methodologies",
                  "rule", "text"),
            )
        }  # fmt: skip

    def cite(self, owner: str, owner_id: str, cites: tuple[Cite, ...]) -> None:
        owners = [owner_id if name == owner else None for name, _table in CITATION_OWNERS]
        for pos, c in enumerate(cites):
            self.t["citations"].add(
                f"{owner}/{owner_id}/{pos}",
                c.source,
                c.excerpt,
                c.locator,
                c.stance,
                c.kind,
                pos,
                *owners,
            )


def build_tables(data: Snapshot, assessments: list[Assessment]) -> dict[str, Table]:
    """Give every table of `data`, plus the derived `assessments`, in a fixed order."""
    b = _Builder()
    t = b.t
    for fw in data.frameworks.values():
        t["frameworks"].add(fw.id, fw.title, fw.short_title, fw.publisher, fw.date, fw.url or "",
                            fw.description, fw.position)  # fmt: skip
        b.cite("framework", fw.id, fw.sources)
        for pos, p in enumerate(flatten(fw.provisions)):
            t["provisions"].add(p.code, fw.id, p.parent, p.number, pos, p.title, p.text,
                                ";".join(p.addressees), p.guidance)  # fmt: skip
    for a in data.actors.values():
        t["actors"].add(a.id, a.kind, a.name, a.official_name, a.iso_alpha3, a.country,
                        a.founded, a.description)  # fmt: skip
        b.cite("actor", a.id, a.sources)
        for pos, alias in enumerate(a.aliases):
            t["aliases"].add(f"{a.id}/{pos}", a.id, alias.name, alias.kind, pos)
        for pos, r in enumerate(a.relationships):
            rid = f"{a.id}/{r.kind}/{r.object}"
            t["relationships"].add(rid, a.id, r.kind, r.object, r.since, r.until, r.note, pos)
            b.cite("relationship", rid, r.sources)
        for pos, product in enumerate(a.products):
            t["products"].add(product.id, a.id, product.name, product.kind,
                              product.description, pos)  # fmt: skip
            b.cite("product", product.id, product.sources)
    for framework, members in data.memberships.items():
        for pos, m in enumerate(members):
            mid = f"{framework}/{m.actor}"
            t["memberships"].add(mid, m.actor, framework, m.role, m.since, m.until, m.note, pos)
            b.cite("membership", mid, m.sources)
    for sid, s in data.sources.items():
        group = s.group
        t["sources"].add(sid, group, s.url, s.title, s.publisher, s.kind, s.published,
                         s.language, s.retrieved, s.archived_url or "", s.content_hash, s.note,
                         pos)  # fmt: skip
    for mid, measure in data.measures.items():
        actor, family = measure.actor, measure.family
        t["measures"].add(mid, actor, family, pos, measure.type, measure.title, measure.summary,
                          measure.date, measure.note)  # fmt: skip
        b.cite("measure", mid, measure.sources)
        for i, e in enumerate(measure.events):
            t["measure_events"].add(f"{mid}/{i}", mid, e.kind, e.date, i, e.note)
            b.cite("event", f"{mid}/{i}", e.sources)
        for i, k in enumerate(measure.links):
            t["links"].add(f"{mid}/{k.provision}", mid, k.provision, k.level, k.rationale, i)
        for i, g in enumerate(measure.targets):
            t["targets"].add(f"{mid}/{g.actor}", mid, g.actor, g.role, g.since, g.until,
                             g.note, i)  # fmt: skip
    for pos, o in enumerate(data.overrides):
        oid = f"{o.actor}/{o.provision}"
        t["overrides"].add(oid, o.actor, o.provision, o.level, o.rationale, o.since, o.until, pos)
        b.cite("override", oid, o.sources)
    for pos, ed in enumerate(data.editions):
        t["editions"].add(ed.id, ed.title, ed.as_of.isoformat(), ed.published.isoformat(),
                          ed.methodology, ed.notes, pos)  # fmt: skip
    for version in sorted(data.methodologies):
        t["methodologies"].add(version, data.methodologies[version].document)
    positions: dict[str, int] = {}
    for key, entry in data.listings.items():
        pos = positions[entry.inventory] = positions.get(entry.inventory, -1) + 1
        t["listings"].add(key, entry.inventory, entry.name, ";".join(entry.aliases),
                          entry.country, entry.description, ";".join(entry.urls),
                          ";".join(entry.websites), entry.actor, CANDIDATE,
                          listed_note(entry.inventory), pos)  # fmt: skip
        for i, tie in enumerate(entry.ties):
            t["listed_ties"].add(f"{key}/{i}", key, tie.kind or None, tie.object, tie.confidence,
                                 tie.note, i)  # fmt: skip
    for x in assessments:
        t["assessments"].add(f"{x.actor}/{x.provision}", x.actor, x.provision,
                             x.as_of.isoformat(), x.level, x.label, x.score, x.derived,
                             x.confidence, x.methodology, x.rule, x.text)  # fmt: skip
    return t
