"""Errors answer in the site's own shape: a page with the navigation and a search box, or for a
JSON twin an RFC 9457 problem; a page past the end of a list is not found; a date that does not
exist is told apart from a malformed one."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

UNKNOWN = [
    "/no-such-page/",
    "/governments/ZZ/",
    "/companies/nobody/",
    "/vendors/no-such-vendor/",
    "/measures/no-such-measure/",
    "/sources/no-such-source/",
    "/provisions/blueprint/99/",
    "/governments/US/evidence/blueprint/99/",
    "/changes/page/999/",
    "/governments/US/measures/page/9/",
]


@pytest.mark.parametrize("path", UNKNOWN)
@override_settings(DEBUG=False)
def test_an_unknown_path_or_record_is_a_404_page_with_navigation_and_search(client, mini_db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert '<nav aria-label="Main">' in html
    assert 'href="/static/site/site.css"' in html or "site/site." in html
    assert html.count('action="/search/"') == 2  # the header's and the page's own search box


def test_the_404_page_offers_to_search_for_what_the_address_named(client, mini_db):
    html = client.get("/vendors/vendor-onee/").content.decode()
    assert 'name="q" type="search" value="vendor onee"' in html


@pytest.mark.parametrize(
    "path", ["/no-such-page.json", "/governments/ZZ.json", "/changes/page/999.json",
             "/measures/no-such-measure.json"],
)  # fmt: skip
def test_a_json_twin_answers_not_found_as_problem_json(client, mini_db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert set(problem) >= {"type", "title", "status", "detail"}
    assert (problem["status"], problem["title"]) == (404, "Not Found")


def test_a_json_twin_answers_bad_input_as_problem_json(client, mini_db):
    response = client.get("/governments/US.json?as_of=2021-13-01")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert (problem["status"], problem["title"]) == (400, "Bad Request")
    assert problem["type"].endswith("/bad-request")
    assert problem["detail"].startswith("as_of: expected YYYY-MM-DD")


def test_a_page_past_the_last_says_how_many_pages_the_list_has(client, mini_db):
    response = client.get("/changes/page/999/?since=2000-01-01")
    assert response.status_code == 404
    assert "There is no page 999 of this list: it has pages 1 to 1." in response.content.decode()


@pytest.mark.parametrize(
    ("path", "name"),
    [("/?as_of=2021-02-30", "as_of"), ("/governments/US/?as_of=2021-02-30", "as_of"),
     ("/changes/?since=2021-02-30", "since"), ("/changes/?until=2021-02-30", "until"),
     ("/compare/?ids=US&ids=FR&as_of=2021-02-30", "as_of"),
     ("/provisions/blueprint/5/?as_of=2021-02-30", "as_of")],
)  # fmt: skip
def test_a_date_that_does_not_exist_is_named_as_such(client, mini_db, path, name):
    response = client.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"{name}: the date 2021-02-30 does not exist (February 2021 has 28 days)" in html


@pytest.mark.parametrize("value", ["2021-2-3", "yesterday", "2021-02-30T00:00", "20210203"])
def test_a_malformed_date_is_told_apart_from_one_that_does_not_exist(client, mini_db, value):
    response = client.get("/changes/", {"since": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "since: expected a date as YYYY-MM-DD" in html
    assert "does not exist" not in html


def test_the_29th_of_february_exists_in_a_leap_year_only(client, mini_db):
    assert client.get("/?as_of=2024-02-29").status_code == 200
    response = client.get("/?as_of=2023-02-29")
    assert "as_of: the date 2023-02-29 does not exist" in response.content.decode()
