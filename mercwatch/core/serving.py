"""What must be true before the site may be served (the data commands need none of it)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor


def require_secret_key() -> None:
    """Refuse to serve in production without a lasting SECRET_KEY: sessions and CSRF tokens
    signed with a throw-away key would break on every restart and differ between workers."""
    if settings.ENVIRONMENT == "production" and not settings.SECRET_KEY_IS_SET:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to serve the site in production "
            "(`make run` keeps one in var/secret-key; or set MERCWATCH_ENV=development)"
        )


def sqlite_path(name: str) -> str:
    """Give the file of a SQLite database's NAME, which may be a URI (`file:…?mode=ro`)."""
    return name.removeprefix("file:").split("?", 1)[0] if name.startswith("file:") else name


def database_name(alias: str = "default") -> str:
    """Name the database as an operator knows it: the SQLite file, or host/name."""
    db = settings.DATABASES[alias]
    if db["ENGINE"].endswith("sqlite3"):
        return sqlite_path(str(db["NAME"]))
    return f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or ''}/{db['NAME']}"


def require_database(alias: str = "default") -> None:
    """Refuse to serve a database that is missing, unreachable or not migrated: a deleted SQLite
    file must not be recreated empty behind a site that then answers 'no such table'."""
    name = database_name(alias)
    db = settings.DATABASES[alias]
    if db["ENGINE"].endswith("sqlite3") and not Path(name).is_file():
        raise ImproperlyConfigured(
            f"the database {name} does not exist: create it with `mercwatch migrate` and "
            "`mercwatch load` (`make run` does both)"
        )
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise ImproperlyConfigured(f"the database {name} cannot be read: {exc}") from exc
    finally:
        connection.close()
    if plan:
        raise ImproperlyConfigured(
            f"the database {name} is not migrated ({len(plan)} migration(s) not applied, "
            f"the first {plan[0][0].app_label}.{plan[0][0].name}): run `mercwatch migrate`"
        )


def require_ready() -> None:
    """Refuse to serve unless the key and the database are as serving needs them."""
    require_secret_key()
    require_database()
