"""SQLite: one table per record type, with primary keys, foreign keys and indexes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from django.utils.translation import gettext_lazy

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.licence import ATTRIBUTION, LICENCE_ID, LICENCE_TITLE, LICENCE_URL
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.tables import Column, Table

SQL_TYPES = {
    "integer": "INTEGER",
    "boolean": "INTEGER",
    "date": "TEXT",
    "precision": "TEXT",
    "string": "TEXT",
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _key_of(tables: dict[str, Table], name: str) -> str:
    return tables[name].key


def create_sql(table: Table, tables: dict[str, Table]) -> list[str]:
    """Give the statements that create `table` and index its references."""
    cols = []
    for c in table.columns:
        spec = f"{_quote(c.name)} {SQL_TYPES[c.type]}"
        if c.name == table.key:
            spec += " PRIMARY KEY NOT NULL"
        if c.references:
            spec += f" REFERENCES {_quote(c.references)}({_quote(_key_of(tables, c.references))})"
        cols.append(spec)
    statements = [f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    statements += [
        f"CREATE INDEX {_quote(f'{table.name}_{c.name}')} ON {_quote(table.name)}({_quote(c.name)})"
        for c in table.columns
        if _indexed(c, table)
    ]
    return statements


def _indexed(column: Column, table: Table) -> bool:
    return column.name != table.key and (
        column.references is not None or column.name in {"kind", "type", "date"}
    )


def write_sqlite(bundle: Bundle, out: Path) -> None:
    """Write a fresh SQLite database to `out`; the same data gives the same bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    tables = bundle.tables
    with closing(sqlite3.connect(out)) as db:
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("CREATE TABLE licence (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
        db.executemany(
            "INSERT INTO licence VALUES (?, ?)",
            [
                ("licence", LICENCE_ID),
                ("title", LICENCE_TITLE),
                ("url", LICENCE_URL),
                ("attribution", ATTRIBUTION),
                ("edition", bundle.label),
                ("as_of", bundle.as_of.isoformat()),
                ("methodology", bundle.methodology),
            ],
        )
        for table in _dependency_order(tables):
            for statement in create_sql(table, tables):
                db.execute(statement)
            marks = ", ".join("?" for _ in table.columns)
            db.executemany(f"INSERT INTO {_quote(table.name)} VALUES ({marks})", table.rows)
        db.commit()
        db.execute("VACUUM")


def _dependency_order(tables: dict[str, Table]) -> list[Table]:
    """Give the tables so that each comes after the tables it refers to (self-references aside)."""
    done: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        for c in tables[name].columns:
            if c.references and c.references != name:
                visit(c.references)
        done.append(name)

    for name in tables:
        visit(name)
    return [tables[n] for n in done]


register(
    Exporter(
        name="sqlite",
        title=gettext_lazy("SQLite database"),
        filename="mercwatch-{label}.sqlite",
        media_type="application/vnd.sqlite3",
        write=write_sqlite,
    )
)
