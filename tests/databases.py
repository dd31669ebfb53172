"""A database of its own for a test that runs mercwatch in other processes: a SQLite file, or
on PostgreSQL (when the suite runs on it: DATABASE_URL) a new database on the same server,
dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
from django.conf import settings


def on_postgresql() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def scratch_database(folder: Path) -> Iterator[str]:
    """Give the URL of an empty database of the suite's engine; drop it after the test."""
    if not on_postgresql():
        yield f"sqlite:///{folder / 'scratch.sqlite3'}"
        return
    db = settings.DATABASES["default"]
    server = (
        f"{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
    )
    name = f"mercwatch_scratch_{uuid.uuid4().hex[:12]}"
    admin = f"postgresql://{server}/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{server}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
