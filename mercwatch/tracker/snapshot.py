"""The domain snapshot: every record of the data at one version, frozen, with shared indexes.

Two sources give one: the database (`tracker/services/database.py`) and a data directory (the
loader, `tracker/loader/`). One validator checks it, whichever source it came from
(`tracker/validator.py`). Everything that reads the data – the engine's inputs, the site, the
API, the exports, the static build – reads a snapshot, never the database rows or the files.

Records keep the field names of the data files (docs/data.md), plus where each record stands:
a measure knows its actor and family, a provision its framework and parent, a source its group.
This module imports nothing from Django or the loader.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mercwatch.core.partial_dates import PartialDate

if TYPE_CHECKING:
    from mercwatch.tracker.methodology import MethodologyFile

FROZEN = {"frozen": True, "slots": True}


@dataclass(**FROZEN)
class Cite:
    """A citation: the source's ID, and the quoted excerpt and where it stands in the source."""

    source: str
    excerpt: str = ""
    locator: str = ""
    stance: str = "supports"
    kind: str | None = None


@dataclass(**FROZEN)
class Provision:
    code: str
    framework: str
    parent: str | None
    number: str
    title: str
    addressees: tuple[str, ...]
    text: str = ""
    guidance: str = ""
    provisions: tuple[Provision, ...] = ()


@dataclass(**FROZEN)
class Framework:
    id: str
    title: str
    short_title: str
    position: int
    publisher: str = ""
    date: PartialDate | None = None
    url: str | None = None
    description: str = ""
    sources: tuple[Cite, ...] = ()
    provisions: tuple[Provision, ...] = ()


@dataclass(**FROZEN)
class Alias:
    name: str
    kind: str = "alias"


@dataclass(**FROZEN)
class Relationship:
    kind: str
    object: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    note: str = ""
    sources: tuple[Cite, ...] = ()


@dataclass(**FROZEN)
class Product:
    id: str
    name: str
    kind: str
    description: str = ""
    sources: tuple[Cite, ...] = ()


@dataclass(**FROZEN)
class Actor:
    id: str
    kind: str
    name: str
    official_name: str = ""
    iso_alpha3: str = ""
    country: str | None = None
    founded: PartialDate | None = None
    description: str = ""
    aliases: tuple[Alias, ...] = ()
    sources: tuple[Cite, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    products: tuple[Product, ...] = ()


@dataclass(**FROZEN)
class Membership:
    framework: str
    actor: str
    role: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    note: str = ""
    sources: tuple[Cite, ...] = ()


@dataclass(**FROZEN)
class Source:
    id: str
    group: str
    url: str
    kind: str
    title: str = ""
    publisher: str = ""
    published: PartialDate | None = None
    language: str = "en"
    retrieved: PartialDate | None = None
    archived_url: str | None = None
    content_hash: str = ""
    note: str = ""


@dataclass(**FROZEN)
class Event:
    kind: str
    date: PartialDate
    note: str = ""
    sources: tuple[Cite, ...] = ()


@dataclass(**FROZEN)
class Target:
    actor: str
    role: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    note: str = ""


@dataclass(**FROZEN)
class Link:
    provision: str
    level: str
    rationale: str


@dataclass(**FROZEN)
class Measure:
    id: str
    actor: str
    family: str
    type: str
    title: str
    summary: str
    date: PartialDate
    events: tuple[Event, ...] = ()
    sources: tuple[Cite, ...] = ()
    targets: tuple[Target, ...] = ()
    links: tuple[Link, ...] = ()
    note: str = ""


@dataclass(**FROZEN)
class Override:
    actor: str
    provision: str
    level: str
    rationale: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    sources: tuple[Cite, ...] = ()


@dataclass(**FROZEN)
class Methodology:
    """One version of the methodology: the file's text, kept verbatim, and its parsed rules."""

    version: str
    document: str
    rules: MethodologyFile


@dataclass(**FROZEN)
class Edition:
    id: str
    title: str
    as_of: dt.date
    published: dt.date
    methodology: str
    notes: str = ""


@dataclass(**FROZEN)
class ListedTie:
    """A tie an inventory records between two of its entries: `kind` is a relationship kind
    of ours where one fits (else ""), `confidence` the inventory's own likelihood tag."""

    kind: str
    object: str  # the other entry's key in the same inventory
    confidence: str = ""
    note: str = ""


@dataclass(**FROZEN)
class Listing:
    """An entry of an imported inventory of the market (the MISP galaxy's surveillance
    vendors): a candidate, listed but not reviewed. It is never scored and never stands for a
    curated actor; `actor` names the curated actor it was matched to, if any."""

    id: str  # the inventory's own key (the MISP galaxy's UUID)
    inventory: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    description: str = ""
    urls: tuple[str, ...] = ()
    ties: tuple[ListedTie, ...] = ()
    actor: str | None = None
    websites: tuple[str, ...] = ()  # the entry's own web sites (the galaxy's official refs)
    curated: tuple[str, ...] = ()  # fields an editor set, which a re-import never overwrites


class NotFound(LookupError):
    """A record, or a referenced ID, that the snapshot does not hold."""


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Snapshot:
    """Every record of the data at one version, in file order, keyed by public ID."""

    frameworks: Mapping[str, Framework] = field(default_factory=dict)
    provisions: Mapping[str, Provision] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)
    memberships: Mapping[str, tuple[Membership, ...]] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    measures: Mapping[str, Measure] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    methodologies: Mapping[str, Methodology] = field(default_factory=dict)
    editions: tuple[Edition, ...] = ()
    listings: Mapping[str, Listing] = field(default_factory=dict)

    # The shared indexes, built on first use and kept with the snapshot.

    @cached_property
    def actors_by_kind(self) -> Mapping[str, tuple[Actor, ...]]:
        out: dict[str, list[Actor]] = defaultdict(list)
        for actor in self.actors.values():
            out[actor.kind].append(actor)
        return {kind: tuple(actors) for kind, actors in out.items()}

    @cached_property
    def measures_by_actor(self) -> Mapping[str, tuple[Measure, ...]]:
        out: dict[str, list[Measure]] = defaultdict(list)
        for measure in self.measures.values():
            out[measure.actor].append(measure)
        return {actor: tuple(measures) for actor, measures in out.items()}

    @cached_property
    def measures_by_target(self) -> Mapping[str, tuple[tuple[Measure, Target], ...]]:
        """Each actor's targeting measures (designations, suits, findings), with the target."""
        out: dict[str, list[tuple[Measure, Target]]] = defaultdict(list)
        for measure in self.measures.values():
            for target in measure.targets:
                out[target.actor].append((measure, target))
        return {actor: tuple(pairs) for actor, pairs in out.items()}

    @cached_property
    def relationships_to(self) -> Mapping[str, tuple[tuple[str, Relationship], ...]]:
        """Each actor's incoming relationships, with the actor that holds each."""
        out: dict[str, list[tuple[str, Relationship]]] = defaultdict(list)
        for actor in self.actors.values():
            for rel in actor.relationships:
                out[rel.object].append((actor.id, rel))
        return {actor: tuple(pairs) for actor, pairs in out.items()}

    @cached_property
    def memberships_of_actor(self) -> Mapping[str, tuple[Membership, ...]]:
        out: dict[str, list[Membership]] = defaultdict(list)
        for members in self.memberships.values():
            for member in members:
                out[member.actor].append(member)
        return {actor: tuple(members) for actor, members in out.items()}

    @cached_property
    def provisions_by_framework(self) -> Mapping[str, tuple[Provision, ...]]:
        out: dict[str, list[Provision]] = defaultdict(list)
        for provision in self.provisions.values():
            out[provision.framework].append(provision)
        return {fw: tuple(provisions) for fw, provisions in out.items()}

    def latest_methodology(self) -> MethodologyFile | None:
        if not self.methodologies:
            return None
        return self.methodologies[max(self.methodologies, key=_version_key)].rules


def flatten(provisions: tuple[Provision, ...]) -> Iterator[Provision]:
    """Give every provision of a tree, each before its children."""
    for provision, _parent, _loc in walk(provisions):
        yield provision


def walk(
    entries: Sequence[Any], parent: str | None = None, loc: tuple[str | int, ...] = ("provisions",)
) -> Iterator[tuple[Any, str | None, tuple[str | int, ...]]]:
    """Give every entry of a tree of provisions (records, or a data file's entries: anything
    with a `code` and `provisions`), each before its children, with its parent's code and its
    place in the framework file (`("provisions", 0, "provisions", 2)`)."""
    for index, entry in enumerate(entries):
        yield entry, parent, (*loc, index)
        yield from walk(entry.provisions, entry.code, (*loc, index, "provisions"))


# What a record knows of where it stands, which its data file says by its place instead.
PLACE: dict[type, frozenset[str]] = {
    Measure: frozenset({"actor", "family"}),
    Provision: frozenset({"framework", "parent"}),
    Source: frozenset({"group"}),
    Membership: frozenset({"framework"}),
    Listing: frozenset({"inventory"}),
}


def as_json(value: Any, *, exclude_defaults: bool = False) -> Any:
    """Give a record as the JSON values of its data-file entry (dates as text)."""
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        skip = PLACE.get(type(value), frozenset())
        out = {}
        for f in fields(value):
            if f.name in skip:
                continue
            item = getattr(value, f.name)
            if exclude_defaults and f.default is not MISSING and item == f.default:
                continue
            out[f.name] = as_json(item, exclude_defaults=exclude_defaults)
        return out
    if isinstance(value, tuple):
        return [as_json(v, exclude_defaults=exclude_defaults) for v in value]
    return value
