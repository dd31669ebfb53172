"""Data directories loaded into the test database: written once per session, then copied in.

Loading a directory (store/sync.py `load`) saves every row through its model, keeps a revision
of each, checks the result, moves the data version on and writes the search index: about a
second for the bundled data. The first test that loads a directory loads it so and keeps every
row of every table that loading wrote; each later test that loads the same files (the same
bytes) gets those rows inserted as they were, by plain SQL, in a few milliseconds – the same
records, revisions, search index and data version (its counter and random stamp), so what a
worker keeps for that version is right for them. A test's own writes are rolled back (or
flushed) after it as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction

from mercwatch.site import search
from mercwatch.store.sync import load as load_snapshot
from mercwatch.tracker.loader.validate import check_dir


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def insert(self) -> str:
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in self.columns)
        values = ", ".join(["%s"] * len(self.columns))
        return f"INSERT INTO {quote(self.name)} ({names}) VALUES ({values})"


# Tables written from the data (the search index), which a flush leaves as they are: emptied
# before a load, as the write path would make them hold the new data's rows alone.
DERIVED = (search.TERMS, search.DOCUMENTS)
_loaded: dict[str, list[_Table]] = {}  # by fingerprint of the directory: the tables it filled


def fingerprint(root: Path) -> str:
    """Give a digest of every file under `root`: its path and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        body = path.read_bytes()
        name = path.relative_to(root).as_posix().encode()
        digest.update(b"%d:%s%d:" % (len(name), name, len(body)) + body)
    return digest.hexdigest()


def loaded(root: Path, django_db_blocker: Any) -> Iterator[Path]:
    """Load `root` into the test database for one test: the body of a dataset fixture."""
    with django_db_blocker.unblock():
        load(root)
    yield root


def load(root: Path) -> None:
    """Make the test database, holding no data yet, hold the data of `root` as `load` writes
    it; in the caller's transaction."""
    key = fingerprint(root)
    with transaction.atomic():
        with connection.cursor() as cursor:
            for name in DERIVED:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(name)}")
        if key in _loaded:
            _restore(_loaded[key])
            return
        before = _rows(_tables())
        checked = check_dir(root)
        assert checked.errors == [], [str(e) for e in checked.errors]
        load_snapshot(checked.snapshot, reason="test")
        after = _rows(sorted(before))
        filled = [name for name in after if after[name].rows and not before[name].rows]
        held = [n for n in after if before[n].rows and _sorted(after[n]) != _sorted(before[n])]
        assert held == [], f"load() needs a database without data; rows already in {held}"
        _loaded[key] = [after[name] for name in filled]  # in name order: documents before terms


def _sorted(table: _Table) -> list[tuple[Any, ...]]:
    return sorted(table.rows, key=repr)


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def _rows(names: list[str]) -> dict[str, _Table]:
    quote = connection.ops.quote_name
    describe = connection.introspection.get_table_description
    found = {}
    with connection.cursor() as cursor:
        for name in names:
            columns = tuple(c.name for c in describe(cursor, name))
            cursor.execute(f"SELECT {', '.join(quote(c) for c in columns)} FROM {quote(name)}")
            found[name] = _Table(name, columns, tuple(cursor.fetchall()))
    return found


def _restore(tables: list[_Table]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT 1 FROM {quote(table.name)} LIMIT 1")
            assert cursor.fetchone() is None, f"load() needs a database without data: {table.name}"
            cursor.executemany(table.insert(), table.rows)
        # PostgreSQL: move each ID sequence past the IDs just inserted (SQLite needs nothing).
        for sql in connection.ops.sequence_reset_sql(no_style(), _models_of(tables)):
            cursor.execute(sql)


def _models_of(tables: list[_Table]) -> list[type[models.Model]]:
    names = {t.name for t in tables}
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in names]
