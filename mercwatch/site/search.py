"""Full-text search across actors, measures, sources and provisions.

The one place where SQLite and PostgreSQL differ: SQLite's FTS5 (bm25 ranking) or PostgreSQL's
tsvector with a GIN index (ts_rank). The index is a derived table, rebuilt whenever the data
version it was built from is no longer the current one (that is, after every load or edit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection, transaction

from mercwatch.site.services.links import actor_url, measure_url, provision_url, source_url
from mercwatch.tracker.loader.validate import Dataset
from mercwatch.tracker.services.assessments import current_dataset, data_version

TABLE = "site_search"
META = "site_search_meta"
LIMIT = 50
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    kind: str  # actor | measure | source | provision
    ref: str
    title: str
    url: str


def documents(data: Dataset) -> list[tuple[str, str, str, str, str]]:
    """Give (kind, public ID, title, body, URL) for everything searchable."""
    docs = []
    for a in data.actors.values():
        body = " ".join([a.official_name, a.description, *(x.name for x in a.aliases), a.id])
        docs.append(("actor", a.id, a.name, body, actor_url(a.id, a.kind)))
    for measure_id, (actor, _family, _pos, m) in data.measures.items():
        body = f"{m.summary} {data.actors[actor].name} {m.type} {measure_id}"
        docs.append(("measure", measure_id, m.title, body, measure_url(measure_id)))
    for source_id, (_group, _pos, s) in data.sources.items():
        docs.append(
            ("source", source_id, s.title or s.url, f"{s.publisher} {s.url}", source_url(source_id))
        )
    for code, (_fw, _parent, p) in data.provisions.items():
        docs.append(
            ("provision", code, f"{code} {p.title}", f"{p.text} {p.guidance}", provision_url(code))
        )
    return docs


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _create() -> None:
    with connection.cursor() as cur:
        cur.execute(f"CREATE TABLE IF NOT EXISTS {META} (version text NOT NULL)")
        if _postgres():
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (kind text, ref text, title text, body text,"
                " url text, doc tsvector)"
            )
            cur.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_doc ON {TABLE} USING gin (doc)")
        else:
            cur.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(kind UNINDEXED,"
                " ref UNINDEXED, title, body, url UNINDEXED,"
                " tokenize='unicode61 remove_diacritics 2')"
            )


def rebuild(data: Dataset, version: str) -> int:
    """Rebuild the index from `data`, recording the data version it was built from."""
    docs = documents(data)
    with transaction.atomic():
        _create()
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {TABLE}")
            cur.execute(f"DELETE FROM {META}")
            if _postgres():
                cur.executemany(
                    f"INSERT INTO {TABLE} (kind, ref, title, body, url, doc) VALUES (%s, %s, %s,"
                    " %s, %s, setweight(to_tsvector('simple', %s), 'A') ||"
                    " setweight(to_tsvector('simple', %s), 'B'))",
                    [(k, r, t, b, u, t, b) for k, r, t, b, u in docs],
                )
            else:
                cur.executemany(
                    f"INSERT INTO {TABLE} (kind, ref, title, body, url)"
                    " VALUES (%s, %s, %s, %s, %s)",
                    docs,
                )
            cur.execute(f"INSERT INTO {META} (version) VALUES (%s)", [version])
    return len(docs)


def ensure_current() -> None:
    """Rebuild the index if the data changed since it was built."""
    version = repr(data_version())
    _create()
    with connection.cursor() as cur:
        cur.execute(f"SELECT version FROM {META}")
        row = cur.fetchone()
    if row is None or row[0] != version:
        rebuild(current_dataset(), version)


def search(text: str, *, limit: int = LIMIT) -> list[Hit]:
    """Give the best matches for every word of `text` (as prefixes), best first."""
    words = WORD.findall(text.casefold())[:12]
    if not words:
        return []
    ensure_current()
    with connection.cursor() as cur:
        if _postgres():
            query = " & ".join(f"{w}:*" for w in words)
            cur.execute(
                f"SELECT kind, ref, title, url FROM {TABLE}, to_tsquery('simple', %s) q"
                " WHERE doc @@ q ORDER BY ts_rank(doc, q) DESC, title LIMIT %s",
                [query, limit],
            )
        else:
            query = " ".join(f'"{w}"*' for w in words)
            cur.execute(
                f"SELECT kind, ref, title, url FROM {TABLE} WHERE {TABLE} MATCH %s"
                f" ORDER BY bm25({TABLE}, 0, 0, 10.0, 1.0, 0), title LIMIT %s",
                [query, limit],
            )
        return [Hit(*row) for row in cur.fetchall()]
