"""Backups of the whole database, made while the site serves, and their restore.

SQLite: the online backup API (`sqlite3.Connection.backup`) copies the database as one
transaction saw it, whatever writers do meanwhile; a restore copies the backup back into the
database file the same way. PostgreSQL: `pg_dump -Fc` (one snapshot of the database) and
`pg_restore --clean --if-exists --single-transaction` (all of it, or nothing), with the parts of
`DATABASE_URL`. A restore refuses to replace a database that holds data unless forced, and says
so for a file that is not a backup of this kind of database. After a restore the data version
moves on, so that every serving worker reads the restored data whole.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"  # the start of pg_dump's custom format


class BackupError(Exception):
    """A backup or restore that cannot be made, and why."""


def _database() -> dict[str, Any]:
    return dict(settings.DATABASES["default"])


def _on_sqlite() -> bool:
    return str(_database()["ENGINE"]).endswith("sqlite3")


def backup(out: Path, *, force: bool = False) -> str:
    """Write a consistent copy of the database to `out`; give what kind of backup it is."""
    if out.exists() and not force:
        raise BackupError(f"{out}: exists already (--force replaces it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")[1])
    try:
        if _on_sqlite():
            _sqlite_copy(_sqlite_source(), partial)
            kind = "SQLite"
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(partial)])
            kind = "PostgreSQL"
        os.replace(partial, out)  # a backup is whole or not there
    finally:
        partial.unlink(missing_ok=True)
    return kind


def restore(source: Path, *, force: bool = False) -> None:
    """Replace the database with the backup `source` (refused while it holds data, unless
    `force`)."""
    _check_file(source)
    held = holdings()
    if held and not force:
        raise BackupError(
            f"the database holds data ({held}); restore --force replaces it with {source}"
        )
    connection.close()
    if _on_sqlite():
        _sqlite_copy(sqlite3.connect(f"file:{source}?mode=ro", uri=True), Path(_database()["NAME"]))
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={_database()['NAME']}",
                str(source),
            ]
        )
    _moved_on()


def holdings() -> str:
    """Describe the data the database holds ("" when it holds none, or has no tables yet)."""
    from mercwatch.store.models import Revision
    from mercwatch.tracker.models import Actor, Measure, Source

    try:
        counts = {
            "actors": Actor.objects.count(),
            "measures": Measure.objects.count(),
            "sources": Source.objects.count(),
            "revisions": Revision.objects.count(),
        }
    except DatabaseError:  # not migrated: nothing to lose
        connection.close()
        return ""
    return ", ".join(f"{n} {name}" for name, n in counts.items() if n)


def _check_file(source: Path) -> None:
    """Refuse, saying why, a file that is not a backup of this kind of database."""
    try:
        with source.open("rb") as file:
            start = file.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"{source}: cannot be read ({exc.strerror})") from exc
    engine = "SQLite" if _on_sqlite() else "PostgreSQL"
    if start.startswith(PG_MAGIC):
        found = "PostgreSQL"
    elif start == SQLITE_MAGIC:
        found = "SQLite"
    else:
        raise BackupError(
            f"{source}: not a mercwatch backup (neither an SQLite database nor a pg_dump file)"
        )
    if found != engine:
        raise BackupError(f"{source}: a {found} backup; this database is {engine}")
    if found == "SQLite":
        db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{source}: a damaged SQLite file ({exc})") from exc
        finally:
            db.close()
        if not {"django_migrations", "store_dataversion"} <= tables:
            raise BackupError(f"{source}: an SQLite database, but not one of mercwatch")


def _sqlite_source() -> sqlite3.Connection:
    name = str(_database()["NAME"])
    if name.startswith("file:"):
        return sqlite3.connect(name, uri=True)
    return sqlite3.connect(f"file:{name}?mode=ro", uri=True)


def _sqlite_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database `source` into the file `target` with SQLite's backup API: in one
    step, so that the copy is one transaction's view of it."""
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def _run(argv: list[str]) -> None:
    """Run a PostgreSQL client with the server, user, password and database of DATABASE_URL."""
    db = _database()
    env = {**os.environ, "PGDATABASE": str(db["NAME"])}
    for name, key in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(name):
            env[key] = str(db[name])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(f"{argv[0]} is not installed (PostgreSQL's client tools)") from exc
    if done.returncode != 0:
        raise BackupError(f"{argv[0]} failed: {done.stderr.strip()}")


def _moved_on() -> None:
    """Give the restored data a new data version: readers that held another read it whole."""
    from mercwatch.store.writes import bump

    with transaction.atomic():
        bump()
