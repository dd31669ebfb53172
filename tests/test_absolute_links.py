"""Absolute links start with MERCWATCH_BASE_URL, or follow the request's scheme and host; either
way, one request with another `Host` or `X-Forwarded-Proto` cannot change what the next reader
gets from the answers the site and the API keep."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.api.test_http import assert_problem
from tests.exports.conftest import market_db, market_dir  # noqa: F401  (shared fixtures)
from tests.processes import environment, settings_of

pytestmark = pytest.mark.django_db
PAGE = "/api/v1/actors?kind=country&limit=2"
HTTPS = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.fixture
def reader(market_db) -> Client:  # noqa: F811
    """One client, so one API middleware and one set of kept answers, for every request."""
    return Client(HTTP_HOST="127.0.0.1")


def next_link(response) -> str:
    assert response.status_code == 200, response.content
    link: str = json.loads(response.content)["next"]
    return link


def test_another_host_does_not_change_the_links_the_next_reader_gets(reader, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    poisoned = reader.get(PAGE, HTTP_HOST="localhost:8802")
    assert next_link(poisoned).startswith("http://localhost:8802/")
    normal = reader.get(PAGE)
    assert next_link(normal).startswith("http://127.0.0.1/api/v1/actors?")
    assert normal["ETag"] != poisoned["ETag"]
    door = json.loads(reader.get("/api/v1/").content)
    assert door["docs"] == "http://127.0.0.1/api/v1/docs/"


def test_a_forwarded_scheme_does_not_change_the_links_the_next_reader_gets(reader, settings):
    settings.SECURE_PROXY_SSL_HEADER = HTTPS  # as with MERCWATCH_HTTPS=1
    assert next_link(reader.get(PAGE, HTTP_X_FORWARDED_PROTO="https")).startswith("https://")
    assert next_link(reader.get(PAGE)).startswith("http://127.0.0.1/")
    assert (
        "https://127.0.0.1/" in reader.get("/changes/feed.atom", **dict([HTTPS])).content.decode()
    )
    assert "https://127.0.0.1/" not in reader.get("/changes/feed.atom").content.decode()


def test_with_a_base_url_no_request_header_changes_a_link(reader, settings):
    settings.BASE_URL = "https://mercwatch.example"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    settings.SECURE_PROXY_SSL_HEADER = HTTPS
    for headers in ({"HTTP_HOST": "localhost:8802"}, {"HTTP_X_FORWARDED_PROTO": "http"}, {}):
        link = next_link(reader.get(PAGE, **headers))
        assert link == "https://mercwatch.example/api/v1/actors?kind=country&offset=2&limit=2"
    door = json.loads(reader.get("/api/v1/", HTTP_HOST="localhost").content)
    assert set(door["collections"].values()) == {
        f"https://mercwatch.example/api/v1/{name}" for name in door["collections"]
    }


def test_the_feeds_link_to_the_reader_s_own_host_after_another_host_asked(reader, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    poisoned = reader.get("/changes/feed.atom", HTTP_HOST="localhost:8802").content.decode()
    assert "http://localhost:8802/" in poisoned
    normal = reader.get("/changes/feed.atom").content.decode()
    assert "localhost:8802" not in normal
    assert "http://127.0.0.1/" in normal
    settings.BASE_URL = "https://mercwatch.example"
    based = reader.get("/changes/feed.atom", HTTP_HOST="localhost:8802").content.decode()
    assert "https://mercwatch.example/" in based
    assert "localhost" not in based


def test_a_host_not_allowed_is_a_400_problem_even_for_a_kept_answer(reader):
    assert reader.get(PAGE).status_code == 200  # now kept
    assert_problem(reader.get(PAGE, HTTP_HOST="evil.example"), 400)
    assert reader.get("/governments/US/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("mercwatch.example", "expected http(s)://host[:port]"),
        ("ftp://mercwatch.example", "expected http(s)://host[:port]"),
        ("https://mercwatch.example/site/", "expected no path, query or fragment"),
    ],
)
def test_a_base_url_that_is_not_one_is_refused_by_name(value, error):
    with pytest.raises(AssertionError, match="MERCWATCH_BASE_URL") as raised:
        settings_of({**environment(), "MERCWATCH_BASE_URL": value}, "BASE_URL")
    assert error in str(raised.value)
