"""Every parameter that chooses how much work an answer takes is bounded, and a value out of its
bounds is refused with the parameter and the bound named: a 422 problem from the API, a 400 page
(or problem for a JSON twin) from the site."""

from __future__ import annotations

import pytest

from tests.api.conftest import api  # noqa: F401  (shared fixtures)
from tests.api.test_http import assert_problem
from tests.exports.conftest import market_db, market_dir  # noqa: F401  (shared fixtures)

pytestmark = pytest.mark.django_db
YEARS = "the year must be between 1900 and 2100"


@pytest.mark.parametrize(
    "query",
    [
        "assessments?as_of=3000-01-01",
        "assessments?as_of=1899-12-31",
        "contributions?actor=US&provision=blueprint/5&as_of=0001-01-01",
        "measures?as_of=2101-01-01",
        "measures?date_from=1066-10-14",
        "measures?date_to=9999-12-31",
        "changes?since=1800-01-01",
        "changes?until=2500-01-01",
    ],
)
def test_an_api_date_outside_the_years_is_a_422_naming_it_and_the_bound(api, query):  # noqa: F811
    doc = assert_problem(api.get(f"/api/v1/{query}"), 422)
    name = query.rsplit("&", 1)[-1].split("?")[-1].split("=")[0]
    assert doc["parameter"] == name
    assert doc["type"].endswith("/invalid-parameter")
    assert doc["detail"].startswith(f"{name}: {YEARS}, got ")


def test_api_dates_at_the_bounds_are_answered(api):  # noqa: F811
    assert api.get("/api/v1/assessments?actor=US&as_of=1900-01-01").status_code == 200
    assert api.get("/api/v1/changes?since=1900-01-01&until=2100-12-31").status_code == 200


def test_the_openapi_document_states_the_bound_of_every_date(api):  # noqa: F811
    doc = api.get("/api/v1/openapi.json").json()
    schemas = [
        schema
        for ops in doc["paths"].values()
        for p in ops["get"].get("parameters", [])
        for schema in p["schema"].get("anyOf", [p["schema"]])
        if schema.get("format") == "date"
    ]
    assert len(schemas) == 7  # measures: 3, assessments, contributions, changes: 2
    assert {s["pattern"] for s in schemas} == {r"^(19\d\d|20\d\d|2100)-\d\d-\d\d$"}


def test_an_api_page_is_at_most_500_items(api):  # noqa: F811
    doc = assert_problem(api.get("/api/v1/measures?limit=501"), 422)
    assert (doc["parameter"], doc["detail"]) == ("limit", "limit: must be at most 500, got '501'")
    assert api.get("/api/v1/measures?limit=500").status_code == 200


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/governments/US/?as_of=3000-01-01", "as_of"),
        ("/?as_of=1000-01-01", "as_of"),
        ("/provisions/blueprint/5/?as_of=2101-01-01", "as_of"),
        ("/changes/?since=1800-01-01", "since"),
        ("/changes/?until=2200-01-01", "until"),
        ("/governments/US/feed.atom?as_of=3000-01-01", "as_of"),
    ],
)
def test_a_page_date_outside_the_years_is_a_400_naming_it_and_the_bound(
    client,
    market_db,  # noqa: F811
    path,
    name,
):
    response = client.get(path)
    assert response.status_code == 400
    assert f"{name}: {YEARS}, got " in response.content.decode()


def test_a_json_twin_date_outside_the_years_is_a_400_problem(client, market_db):  # noqa: F811
    response = client.get("/governments/US.json?as_of=3000-01-01")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == f"as_of: {YEARS}, got 3000"


def test_the_search_text_is_at_most_200_characters(client, market_db):  # noqa: F811
    assert client.get("/search/", {"q": "v" * 200}).status_code == 200
    response = client.get("/search/", {"q": "v" * 201})
    assert response.status_code == 400
    assert "q: the search text must be at most 200 characters, got 201" in response.content.decode()


def test_compare_takes_at_most_four_governments(client, bundled_db):
    assert client.get("/compare/?ids=US&ids=FR&ids=DE&ids=GB").status_code == 200
    response = client.get("/compare/?ids=US&ids=FR&ids=DE&ids=GB&ids=JP")
    assert response.status_code == 400
    assert "ids: choose two to four governments, got 5" in response.content.decode()
