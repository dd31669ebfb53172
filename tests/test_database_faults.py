"""While the database is away the site answers at once and says so: its own 503 page, or a
problem+json 503 from the API and the JSON twins, each with Retry-After; the first request
after the outage is answered again. A blackholed server costs the connect timeout, not the
worker's; a statement over its timeout is cancelled. A read-only database is served: no read
request writes.

Each test drives Django in a process of its own (tests/processes.py) on a database of its own
(tests/databases.py), so that it can take that database away and give it back."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.conftest import copy_mini
from tests.databases import on_postgresql, scratch_database
from tests.deploy.servers import mercwatch
from tests.processes import environment, python

PAGES = ("/governments/US/", "/search/?q=pegasus")
ANSWERS = ("/api/v1/actors/US", "/governments/US.json")

# Run in the other process: GET each path, give status, headers and time taken.
ASK = """
import json, time
from django.test import Client
client = Client(raise_request_exception=False)  # the answer a reader gets
def ask(paths):
    found = {}
    for path in paths:
        started = time.monotonic()
        r = client.get(path)
        found[path] = {"status": r.status_code, "type": r.get("Content-Type", ""),
                       "retry": r.get("Retry-After"), "took": time.monotonic() - started,
                       "body": r.content.decode()[:4000]}
    return found
"""


@pytest.fixture(scope="module")
def loaded_env(
    tmp_path_factory: pytest.TempPathFactory, bundled_dir: Path
) -> Iterator[dict[str, str]]:
    """The environment of a process on a database of its own holding the mini data."""
    folder = tmp_path_factory.mktemp("faults")
    data = copy_mini(folder / "data", bundled_dir)
    for url in scratch_database(folder):
        env = {
            **environment(),
            "MERCWATCH_ENV": "test",
            "DATABASE_URL": url,
            "MERCWATCH_VAR_DIR": str(folder),
            "ALLOWED_HOSTS": "testserver",
            "MERCWATCH_SEARCH_RATE_LIMIT": "0",
            "MERCWATCH_API_RATE_LIMIT": "0",
            "MERCWATCH_DB_RETRY_AFTER": "17",
        }
        mercwatch("migrate", "--noinput", "-v0", env=env)
        mercwatch("load", str(data), env=env)
        yield env


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A port that completes the TCP handshake (the kernel does) and then never answers: what
    a client sees of a server behind a firewall that drops its packets, or of a hung host."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)  # never accepted, never read
        yield listener.getsockname()[1]


def assert_unavailable(answer: dict[str, Any], path: str) -> None:
    assert answer["status"] == 503, (path, answer["body"])
    assert answer["retry"] == "17", path
    if path in ANSWERS:
        assert answer["type"] == "application/problem+json", path
        body = json.loads(answer["body"])
        assert body["type"] == "/api/v1/problems/database-unavailable", path
        assert body["status"] == 503, path
    else:
        assert answer["type"].startswith("text/html"), path
        assert "Temporarily unavailable" in answer["body"], path
        assert "<nav" in answer["body"], path  # the site's own page, not a bare error
    assert answer["took"] < 10, f"{path}: {answer['took']:.1f} s"  # not a hang


def test_while_the_database_is_away_every_answer_is_a_quick_503_then_all_is_back(
    loaded_env: dict[str, str], blackhole: int, tmp_path: Path
) -> None:
    # PostgreSQL: the server stops answering (a blackhole, 2 s connect timeout); SQLite: the
    # file cannot be opened. Then the settings are given back, as when the outage ends.
    options = {"connect_timeout": 2, "tcp_user_timeout": 2000}
    away = (
        {"HOST": "127.0.0.1", "PORT": str(blackhole), "OPTIONS": options}
        if on_postgresql()
        else {"NAME": str(tmp_path / "no-such-folder" / "db.sqlite3")}
    )
    script = (
        ASK
        + f"""
from django.db import connection
paths = {list(PAGES + ANSWERS)!r}
before = ask(paths)
kept = dict(connection.settings_dict)
connection.close()
connection.settings_dict.update({away!r})
during = ask(paths)
connection.close()
connection.settings_dict.update(kept)
after = ask(paths)
print(json.dumps([before, during, after]))
"""
    )
    before, during, after = json.loads(python(script, env=loaded_env))
    for path in PAGES + ANSWERS:
        assert before[path]["status"] == 200, path
        assert_unavailable(during[path], path)
        assert after[path]["status"] == 200, path  # the first request after the outage


@pytest.mark.skipif(not on_postgresql(), reason="statement timeouts are PostgreSQL's")
def test_a_statement_over_the_timeout_is_cancelled_and_answered_503(
    loaded_env: dict[str, str],
) -> None:
    url = loaded_env["DATABASE_URL"].replace("postgres://", "postgresql://")
    env = {**loaded_env, "MERCWATCH_DB_STATEMENT_TIMEOUT": "1"}
    paths = list(PAGES[:1] + ANSWERS[:1])
    with psycopg.connect(url) as other:  # holds the lock until the block ends
        other.execute("LOCK TABLE store_dataversion IN ACCESS EXCLUSIVE MODE")
        during = json.loads(python(ASK + f"print(json.dumps(ask({paths!r})))", env=env))
    for path in paths:
        assert_unavailable(during[path], path)


def test_the_settings_bound_every_wait_on_the_database(settings: Any) -> None:
    options = settings.DATABASES["default"]["OPTIONS"]
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    if on_postgresql():
        assert options["connect_timeout"] == settings.DB_CONNECT_TIMEOUT
        assert options["tcp_user_timeout"] == settings.DB_CONNECT_TIMEOUT * 2000
        assert f"statement_timeout={settings.DB_STATEMENT_TIMEOUT * 1000}" in options["options"]


def test_a_read_only_database_is_served_and_no_read_request_writes(
    loaded_env: dict[str, str],
) -> None:
    # SQLite: the file opened read-only; PostgreSQL: every transaction read-only. A write
    # fails either way, so any request that writes would answer 503 here, not 200.
    env = {**loaded_env, "MERCWATCH_DB_READ_ONLY": "1", "MERCWATCH_SEARCH_RATE_LIMIT": "30"}
    script = (
        ASK
        + """
from tests.security.routes import path_of, routes
paths = [path_of(r) for r in routes()]
paths += ["/search/?q=pegasus"] * 5 + ["/api/v1/actors?limit=5"] * 5
found = ask(paths)
from django.db import connection
with connection.cursor() as cursor:
    try:
        cursor.execute("DELETE FROM store_dataversion")
        wrote = "wrote"
    except Exception as exc:
        wrote = type(exc).__name__
print(json.dumps({"answers": {p: a["status"] for p, a in found.items()}, "write": wrote}))
"""
    )
    done = json.loads(python(script, env=env))
    failed = {p: s for p, s in done["answers"].items() if s >= 500}
    assert failed == {}
    assert len(done["answers"]) > 100
    assert done["write"] == ("InternalError" if on_postgresql() else "OperationalError")
