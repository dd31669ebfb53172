"""What the search index holds: one document per actor, product, measure, source and provision,
with the names it is known by (French country names included) and the country it belongs to, and
the words it is found by."""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pycountry

from mercwatch.site.services.links import actor_url, measure_url, provision_url, source_url
from mercwatch.store import current as cache
from mercwatch.tracker.snapshot import Actor, Measure, Provision, Snapshot, Source

# Names of countries in these languages match too (pycountry's ISO 3166-1 gettext catalogues).
LANGUAGES = ("fr",)
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
KIND_ORDER = ("actor", "product", "measure", "provision", "source")


def normalise(text: str) -> str:
    """Give `text` as the index holds it: case-folded, without diacritics, words (letters and
    digits) separated by single spaces. The index's words and a query's are split here alone."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():  # most of the data: no diacritics to take off
        return " ".join(TOKEN.findall(decomposed))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(TOKEN.findall(bare))


@dataclass(frozen=True)
class Document:
    kind: str  # one of KIND_ORDER
    ref: str
    title: str
    names: str  # normalised names it is known by, separated by " | "
    body: str  # normalised
    url: str
    country: str  # the name of the country it belongs to, or ""

    def row(self) -> tuple[str, str, str, str, str, str, str]:
        return (self.kind, self.ref, self.title, self.names, self.body, self.url, self.country)

    def terms(self) -> set[str]:
        """Give the words it is found by: those of its names and of its body."""
        return {w for w in f"{self.names} {self.body}".split() if w != "|"}


@functools.cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])


def country_names(iso_alpha3: str) -> list[str]:
    """Give a country's names in the other languages searched (e.g. "Allemagne" for DEU)."""
    country = pycountry.countries.get(alpha_3=iso_alpha3) if iso_alpha3 else None
    if country is None:
        return []
    english = [country.name, getattr(country, "official_name", "")]
    return [_catalogue(lang).gettext(n) for lang in LANGUAGES for n in english if n]


def _names(*names: str) -> str:
    return " | ".join(dict.fromkeys(n for n in map(normalise, names) if n))


def _country_of(data: Snapshot, actor: Actor) -> str:
    if actor.kind in {"country", "supranational"}:
        return ""
    home = data.actors.get(actor.country) if actor.country else None
    return home.name if home else ""


def actor_names(data: Snapshot, actor: Actor) -> list[str]:
    """Give every name an actor is known by: its name, official name, aliases, its public ID,
    and, for a country, its names in the other languages searched."""
    foreign = country_names(actor.iso_alpha3) if actor.kind == "country" else []
    aliases = [x.name for x in actor.aliases]
    return [n for n in (actor.name, actor.official_name, *aliases, *foreign, actor.id) if n]


def known_names(data: Snapshot) -> list[str]:
    """Give the names of every actor and product, as readers write them, for "did you mean"."""

    def build() -> list[str]:
        names = [
            n
            for a in data.actors.values()
            for n in (*actor_names(data, a)[:-1], *(p.name for p in a.products))
        ]
        return list(dict.fromkeys(names))

    return cache.memo(data, ("search-names",), build)


def _actor_docs(data: Snapshot, a: Actor) -> list[Document]:
    url = actor_url(a.id, a.kind)
    country = _country_of(data, a)
    names = _names(*actor_names(data, a))
    docs = [Document("actor", a.id, a.name, names, normalise(a.description), url, country)]
    for p in a.products:
        body = normalise(f"{p.kind} {p.description} {a.name}")
        docs.append(Document("product", p.id, p.name, _names(p.name), body, url, country))
    return docs


def _measure_docs(data: Snapshot, measure_id: str, m: Measure) -> list[Document]:
    actor = data.actors[m.actor]
    country = actor.name if actor.kind == "country" else _country_of(data, actor)
    body = normalise(f"{m.summary} {actor.name} {m.type} {measure_id}")
    url = measure_url(measure_id)
    return [Document("measure", measure_id, m.title, _names(m.title), body, url, country)]


def _source_docs(source_id: str, s: Source) -> list[Document]:
    title = s.title or s.url
    body = normalise(f"{s.publisher} {s.url}")
    return [Document("source", source_id, title, _names(title), body, source_url(source_id), "")]


def _provision_docs(code: str, p: Provision) -> list[Document]:
    title = f"{code} {p.title}"
    body = normalise(f"{p.text} {p.guidance}")
    url = provision_url(code)
    return [Document("provision", code, title, _names(title, p.title), body, url, "")]


# The documents the last call made, each with the records it was made of: a record the next
# snapshot holds as the same object (a write touches a few) gives the same documents again.
_made: dict[tuple[str, str], tuple[tuple[Any, ...], list[Document]]] = {}


def documents(data: Snapshot) -> list[Document]:
    """Give everything searchable, one document each (made again only for the records that
    are not the very records the last call was given)."""
    global _made
    held, made = _made, {}

    def of(
        key: tuple[str, str], deps: tuple[Any, ...], build: Callable[[], list[Document]]
    ) -> list[Document]:
        kept = held.get(key)
        if kept is not None and all(x is y for x, y in zip(kept[0], deps, strict=True)):
            docs = kept[1]
        else:
            docs = build()
        made[key] = (deps, docs)
        return docs

    out: list[Document] = []
    for a in data.actors.values():
        home = data.actors.get(a.country) if a.country else None
        out += of(("actor", a.id), (a, home), functools.partial(_actor_docs, data, a))
    for measure_id, m in data.measures.items():
        owner = data.actors[m.actor]
        home = data.actors.get(owner.country) if owner.country else None
        deps = (m, owner, home)
        build = functools.partial(_measure_docs, data, measure_id, m)
        out += of(("measure", measure_id), deps, build)
    for source_id, s in data.sources.items():
        out += of(("source", source_id), (s,), functools.partial(_source_docs, source_id, s))
    for code, p in data.provisions.items():
        out += of(("provision", code), (p,), functools.partial(_provision_docs, code, p))
    _made = made
    return out
