"""Rate limits per client address, on by default, counted in the cache every worker shares: the
API's (429 problem+json) and the search's (a 429 page), with Retry-After."""

from __future__ import annotations

import os
import secrets

import pytest

from mercwatch.core.throttle import ClientThrottle
from tests.api.conftest import api  # noqa: F401  (shared fixtures)
from tests.api.test_http import assert_problem
from tests.exports.conftest import market_db, market_dir  # noqa: F401  (shared fixtures)
from tests.processes import environment, python, settings_of
from tests.test_cli import run

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch) -> list[float]:
    """The throttle's clock, stopped: a test moves it on by hand (no minute boundary)."""
    now = [1_700_000_000.0]
    monkeypatch.setattr(ClientThrottle, "timer", staticmethod(lambda: now[0]))
    return now


def test_the_limits_are_on_by_default_and_count_in_the_database_without_redis():
    names = ("API_RATE_LIMIT", "SEARCH_RATE_LIMIT", "CACHES")
    found = settings_of(environment(), *names)
    assert (found["API_RATE_LIMIT"], found["SEARCH_RATE_LIMIT"]) == (120, 30)
    assert found["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    with_redis = settings_of({**environment(), "REDIS_URL": "redis://127.0.0.1:6379/0"}, *names)
    assert with_redis["CACHES"]["default"]["BACKEND"].endswith(".redis.RedisCache")


def test_the_search_answers_a_429_page_with_retry_after_past_its_limit(
    client,
    settings,
    clock,
    market_db,  # noqa: F811
):
    settings.SEARCH_RATE_LIMIT = 2
    assert client.get("/search/", {"q": "vendor"}).status_code == 200
    assert client.get("/search.json", {"q": "vendor"}).status_code == 200
    clock[0] += 59
    refused = client.get("/search/", {"q": "another"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "1"
    html = refused.content.decode()
    assert "<h1>Too many requests</h1>" in html
    assert "more than 2 searches a minute" in html
    assert "Try again in 1 second." in html
    assert '<nav aria-label="Main">' in html  # the site's own page
    twin = client.get("/search.json", {"q": "another"})
    assert_problem(twin, 429)
    assert twin["Retry-After"] == "1"
    assert client.get("/governments/US/").status_code == 200  # only the search is limited
    clock[0] += 1
    assert client.get("/search/", {"q": "another"}).status_code == 200


def test_x_forwarded_for_names_the_client_only_behind_a_trusted_proxy(
    api,  # noqa: F811
    settings,
    clock,
):
    settings.API_RATE_LIMIT = 1

    def status(forwarded: str, peer: str = "10.0.0.2") -> int:
        got = api.get("/api/v1/editions", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
        code: int = got.status_code
        return code

    # No trusted proxy: a forged header does not make a new client of the same peer.
    assert status("198.51.100.1") == 200
    assert status("198.51.100.2") == 429
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert status("198.51.100.3") == 200
    assert status("198.51.100.4") == 200  # another client behind the same proxy
    assert status("198.51.100.3") == 429
    assert status("192.0.2.99, 198.51.100.3") == 429  # what the client wrote is not believed
    assert status("198.51.100.5", peer="198.51.100.200") == 200  # no proxy: the peer is the client
    assert status("198.51.100.6", peer="198.51.100.200") == 429


COUNT = """
import sys
from django.conf import settings
from django.test import RequestFactory

from mercwatch.core.throttle import refused

request = RequestFactory().get("/search/", REMOTE_ADDR=sys.argv[1])
answers = ["ok" if refused(request, "search") is None else "429" for _ in range(int(sys.argv[2]))]
print(settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[1], *answers)
"""


def two_processes(env: dict[str, str]) -> tuple[str, str]:
    """Count three searches a minute allowed from one new address: two in one process, then
    two in another."""
    address = f"2001:db8::{secrets.token_hex(2)}:{secrets.token_hex(2)}"
    env = {**env, "MERCWATCH_ENV": "test", "MERCWATCH_SEARCH_RATE_LIMIT": "3"}
    return python(COUNT, address, "2", env=env), python(COUNT, address, "2", env=env)


def test_two_processes_share_the_counters_through_redis():
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis answers at {url}")
    assert two_processes({**os.environ, "REDIS_URL": url}) == (
        "RedisCache ok ok",
        "RedisCache ok 429",
    )


def test_two_processes_share_the_counters_in_a_freshly_migrated_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    done = run("migrate", "--noinput", "-v0", env={**env, "MERCWATCH_ENV": "test"})
    assert done.returncode == 0, done.stderr  # `make run` migrates: no createcachetable needed
    first, second = two_processes(env)
    assert (first, second) == ("DatabaseCache ok ok", "DatabaseCache ok 429")
