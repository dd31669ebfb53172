"""Full-text search across actors, products, measures, sources and provisions.

How it finds: the index is two plain tables, created alike on SQLite and PostgreSQL by
site/migrations/0001_search_index.py – one row per document (site/services/search_docs.py), one
row per distinct word of a document. Python alone splits text into words (`normalise`, for the
documents and the query); the database only finds the documents that hold, for every word of the
query, a word starting with it – a range of the word table's primary key (`nso` <= word < `nsp`),
exact on both because both compare the words code point by code point (SQLite's BINARY collation,
PostgreSQL's "C") – and one Python function orders them (`_rank`). So both databases find the
same documents and rank them the same. This replaced SQLite's FTS5 and PostgreSQL's tsvector,
which each split words their own way (PostgreSQL's parser reads the `857e9bcf` of a URL as a
number and a word, FTS5 as one word), so that the two found different documents; the ranking was
already Python's, and nothing else of theirs is needed: a B-tree finds a prefix among the 16,000
words of the bundled data (1.4 million at 100×) in milliseconds.

When it is written: only by `update`, inside the transaction that writes the data (the site app's
`data_changed` receiver, site/apps.py), so that both commit or neither. Searching only reads, so
it works on a read-only database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from mercwatch.site.services.paging import At, page_of
from mercwatch.site.services.search_docs import KIND_ORDER, documents, known_names, normalise
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.snapshot import Snapshot
from mercwatch.tracker.states import not_assessed_reason

DOCUMENTS = "site_search_document"
TERMS = "site_search_term"
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


@dataclass(frozen=True)
class Updated:
    """How many documents `update` wrote (new or changed) and removed (gone or changed)."""

    written: int
    removed: int


def update(data: Snapshot) -> Updated:
    """Make the index hold exactly the documents of `data`, rewriting only those that changed.
    Run it in the transaction that wrote `data`, so that the index commits or rolls back with it."""
    wanted = {(d.kind, d.ref): d for d in documents(data)}
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute(f"SELECT id, {COLUMNS} FROM {DOCUMENTS}")
        held = {(row[1], row[2]): (row[0], tuple(row[1:])) for row in cur.fetchall()}
        same = {
            key for key, (_id, row) in held.items() if key in wanted and wanted[key].row() == row
        }
        stale = [(pk,) for key, (pk, _row) in held.items() if key not in same]
        cur.executemany(f"DELETE FROM {TERMS} WHERE document = %s", stale)
        cur.executemany(f"DELETE FROM {DOCUMENTS} WHERE id = %s", stale)
        fresh = [d for key, d in wanted.items() if key not in same]
        cur.execute(f"SELECT COALESCE(MAX(id), 0) FROM {DOCUMENTS}")
        first = int(cur.fetchone()[0]) + 1
        _insert(
            cur, DOCUMENTS, f"id, {COLUMNS}", [(first + i, *d.row()) for i, d in enumerate(fresh)]
        )
        _insert(
            cur,
            TERMS,
            "term, document",
            [(term, first + i) for i, d in enumerate(fresh) for term in sorted(d.terms())],
        )
    return Updated(written=len(fresh), removed=len(stale))


def _insert(cur: Any, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert `rows`; on PostgreSQL with COPY, in a third of the time that INSERTs take."""
    if connection.vendor == "postgresql":
        with cur.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    elif rows:
        marks = ", ".join(["%s"] * len(rows[0]))
        cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def _after(prefix: str) -> str:
    """Give the first string after every string that starts with `prefix`, in code point order."""
    following = ord(prefix[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates are no characters: skip them
        following = 0xE000
    return prefix[:-1] + chr(following)


def _matches(words: list[str]) -> list[tuple[str, ...]]:
    """Give the documents that hold, for each of `words`, a word starting with it."""
    each = f"id IN (SELECT document FROM {TERMS} WHERE term >= %s AND term < %s)"
    where = " AND ".join(each for _w in words)
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT {COLUMNS} FROM {DOCUMENTS} WHERE {where}",
            [bound for w in words for bound in (w, _after(w))],
        )
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
