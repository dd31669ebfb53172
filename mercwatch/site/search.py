"""Full-text search across actors, products, measures, sources and provisions.

The one place where SQLite and PostgreSQL differ: SQLite's FTS5 or PostgreSQL's tsvector with a
GIN index find the documents that hold every word of the query (as prefixes). Both index the same
normalised words (site/services/search_docs.py), so both find the same documents, and the ranking
is done here, in Python, the same for both: the entity a query names first – actors, then
products, measures, provisions, sources – then by how often the words occur. The index is a
derived table, rebuilt whenever the data version it was built from is no longer the current one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from mercwatch.site.services.paging import At, page_of
from mercwatch.site.services.search_docs import KIND_ORDER, documents, known_names, normalise
from mercwatch.store.current import current_snapshot, data_version
from mercwatch.tracker.snapshot import Snapshot
from mercwatch.tracker.states import not_assessed_reason

TABLE = "site_search"
META = "site_search_meta"
MAX_WORDS = 12
SUGGEST_SCORE = 75  # rapidfuzz ratio (0–100) a known name must reach to be suggested
COLUMNS = "kind, ref, title, names, body, url, country"


@dataclass(frozen=True)
class Hit:
    kind: str  # actor | product | measure | provision | source
    ref: str
    title: str
    url: str
    country: str  # the name of the country it belongs to, or ""


@dataclass(frozen=True)
class Found:
    """Every match, best first, and a name the reader may have meant when nothing matched."""

    hits: list[Hit]
    suggestion: str = ""


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _create() -> None:
    with connection.cursor() as cur:
        cur.execute(f"CREATE TABLE IF NOT EXISTS {META} (version text NOT NULL)")
        if _postgres():
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (kind text, ref text, title text,"
                " names text, body text, url text, country text, doc tsvector)"
            )
            cur.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_doc ON {TABLE} USING gin (doc)")
        else:
            cur.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(kind UNINDEXED,"
                " ref UNINDEXED, title UNINDEXED, names, body, url UNINDEXED,"
                " country UNINDEXED, tokenize='unicode61')"
            )


def _drop_older_layout() -> None:
    """Drop an index built before names and country were columns, so that it is built anew."""
    with connection.cursor() as cur:
        tables = connection.introspection.table_names(cur)
        if TABLE not in tables:
            return
        columns = [c.name for c in connection.introspection.get_table_description(cur, TABLE)]
        if "names" not in columns:
            cur.execute(f"DROP TABLE {TABLE}")
            if META in tables:
                cur.execute(f"DELETE FROM {META}")


def rebuild(data: Snapshot, version: str) -> int:
    """Rebuild the index from `data`, recording the data version it was built from."""
    rows = [d.row() for d in documents(data)]
    with transaction.atomic():
        _create()
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {TABLE}")
            cur.execute(f"DELETE FROM {META}")
            if _postgres():
                cur.executemany(
                    f"INSERT INTO {TABLE} ({COLUMNS}, doc) VALUES (%s, %s, %s, %s, %s, %s, %s,"
                    " to_tsvector('simple', %s))",
                    [(*r, f"{r[3]} {r[4]}") for r in rows],
                )
            else:
                cur.executemany(
                    f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s)", rows
                )
            cur.execute(f"INSERT INTO {META} (version) VALUES (%s)", [version])
    return len(rows)


def ensure_current() -> None:
    """Rebuild the index if the data changed since it was built."""
    version = repr(data_version())
    _drop_older_layout()
    _create()
    with connection.cursor() as cur:
        cur.execute(f"SELECT version FROM {META}")
        row = cur.fetchone()
    if row is None or row[0] != version:
        rebuild(current_snapshot(), version)


def _matches(words: list[str]) -> list[tuple[str, ...]]:
    with connection.cursor() as cur:
        if _postgres():
            query = " & ".join(f"{w}:*" for w in words)
            cur.execute(
                f"SELECT {COLUMNS} FROM {TABLE} WHERE doc @@ to_tsquery('simple', %s)", [query]
            )
        else:
            query = " ".join(f'"{w}"*' for w in words)
            cur.execute(f"SELECT {COLUMNS} FROM {TABLE} WHERE {TABLE} MATCH %s", [query])
        return [tuple(row) for row in cur.fetchall()]


def _rank(
    phrase: str, words: list[str], row: tuple[str, ...]
) -> tuple[int, int, int, int, str, str]:
    """Give a match's place: first what the query names exactly, then by kind (actors, products,
    measures, provisions, sources); within a kind, names holding every word before the rest,
    then by how many of its words start with a query word."""
    kind, ref, title, names, body = row[:5]
    name_words = names.replace("|", " ").split()
    if phrase in names.split(" | "):
        tier = 0
    elif all(any(t.startswith(w) for t in name_words) for w in words):
        tier = 1
    else:
        tier = 2
    occurrences = sum(1 for t in (*name_words, *body.split()) for w in words if t.startswith(w))
    return (min(tier, 1), KIND_ORDER.index(kind), tier, -occurrences, title.casefold(), ref)


def suggest(data: Snapshot, phrase: str) -> str:
    """Give the known name closest to `phrase` (a misspelling such as "Pegsus"), or ""."""
    best = process.extractOne(
        phrase,
        known_names(data),
        scorer=fuzz.ratio,
        processor=normalise,
        score_cutoff=SUGGEST_SCORE,
    )
    return str(best[0]) if best else ""


def search(text: str) -> Found:
    """Give every match for every word of `text` (as prefixes), best first."""
    phrase = normalise(text)
    words = phrase.split()[:MAX_WORDS]
    if not words:
        return Found([])
    ensure_current()
    rows = sorted(_matches(words), key=lambda r: _rank(phrase, words, r))
    hits = [Hit(kind, ref, title, url, country) for kind, ref, title, _n, _b, url, country in rows]
    return Found(hits, "" if hits else suggest(current_snapshot(), phrase))


PER_PAGE = 50
KIND_LABELS = {
    "country": _("Government"),
    "supranational": _("Government (body)"),
    "company": _("Company"),
    "civil-society": _("Organisation"),
    "vendor": _("Vendor"),
    "person": _("Person"),
    "product": _("Product"),
    "measure": _("Measure"),
    "provision": _("Recommendation or principle"),
    "source": _("Source"),
}


def _label(data: Snapshot, hit: Hit) -> str:
    if hit.kind != "actor":
        return str(KIND_LABELS[hit.kind])
    actor = data.actors[hit.ref]
    if not_assessed_reason(actor):
        return str(_("Place (not assessed)"))
    return str(KIND_LABELS[actor.kind])


def search_page(text: str, at: At) -> dict[str, Any]:
    """Give one page of the matches for `text`, each with its kind and country, and a
    suggestion when nothing matched."""
    found = search(text) if text else Found([])
    pager = page_of(found.hits, at, per_page=PER_PAGE)
    data = current_snapshot()
    hits = [(h, _label(data, h)) for h in pager.items]
    return {
        "q": text,
        "pager": pager,
        "hits": hits,
        "suggestion": found.suggestion,
        "json": {
            "q": text,
            **pager.as_dict(),
            "suggestion": found.suggestion or None,
            "results": [{**h.__dict__, "label": label} for h, label in hits],
        },
    }
