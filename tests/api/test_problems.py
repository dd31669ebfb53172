"""Every problem `type` the API gives resolves to a page, in the site's style, explaining it."""

from __future__ import annotations

import json
from html import unescape

import pytest
from django.test import Client, override_settings

from mercwatch.api.problems import KINDS, problem_body

# Requests that draw every kind of problem a client can cause (see docs/api.md, Errors).
CAUSES = [
    ("GET", "/api/v1/measures?colour=red", b""),
    ("GET", "/api/v1/measures?limit=1&limit=2", b""),
    ("GET", "/api/v1/measures?actor=" + "x" * 5000, b""),
    ("GET", "/api/v1/actors/ZZ", b""),
    ("GET", "/api/v1/no-such-thing", b""),
    ("GET", "/api/v1/measures?limit=0", b""),
    ("GET", "/api/v1/measures?as_of=2021-02-30", b""),
    ("GET", "/api/v1/measures?actor=ZZ", b""),
    ("GET", "/api/v1/actors?kind=poem", b""),
    ("POST", "/api/v1/frameworks", b""),
    ("GET", "/api/v1/editions", b"x" * 70_000),
]


def collected(client: Client) -> set[str]:
    types = set()
    for method, url, data in CAUSES:
        response = client.generic(method, url, data=data)
        types.add(json.loads(response.content)["type"])
    with override_settings(API_RATE_LIMIT=1):
        for _ in range(2):
            response = client.get("/api/v1/frameworks?limit=3")
        types.add(json.loads(response.content)["type"])
    return types


def test_every_problem_type_the_api_gives_resolves_to_a_page_explaining_it(api):
    types = collected(api)
    assert len(types) == 9
    for uri in sorted(types):
        page = api.get(uri)
        assert page.status_code == 200, uri
        assert page["Content-Type"].startswith("text/html")
        html = unescape(page.content.decode())
        kind = KINDS[uri.rsplit("/", 1)[1]]
        assert f"<h1>{kind.title}</h1>" in html
        assert str(kind.meaning) in html
        assert "/static/site/site." in html  # the site's own styles


def test_each_kind_of_the_table_has_its_page_with_the_site_navigation(api):
    for slug, kind in KINDS.items():
        html = api.get(f"/api/v1/problems/{slug}").content.decode()
        assert f"<h1>{kind.title}</h1>" in html, slug
        assert '<nav aria-label="Main">' in html


def test_a_problem_type_without_a_page_cannot_be_given():
    with pytest.raises(ValueError, match="no problem kind"):
        problem_body(400, "why", kind="not-in-the-table")


def test_an_unknown_problem_type_is_a_404_problem(api):
    response = api.get("/api/v1/problems/nonsense")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
