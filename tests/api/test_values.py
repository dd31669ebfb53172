"""One rule for filter values everywhere, and problems said in the API's own words."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.api.examples import document, required

NO_SUCH = "no-such-zz"
PAGING = {"limit", "offset"}
TEXT = {"name"}  # screening's name is free text, not a filter naming a record


def filters() -> list[tuple[str, str, bool]]:
    """Give (path?required parameters, parameter, is a date) for every filter of every list."""
    doc = document()
    found = []
    for path, operations in doc["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            if parameter["in"] != "query" or parameter["name"] in PAGING | TEXT:
                continue
            is_date = '"format": "date"' in json.dumps(parameter["schema"])
            others = urlencode(required(operations["get"], but=parameter["name"]))
            found.append(
                (f"{path}?{others}&" if others else f"{path}?", parameter["name"], is_date)
            )
    return found


def problem(response: Any) -> Any:
    assert response["Content-Type"] == "application/problem+json"
    return json.loads(response.content)


@pytest.mark.parametrize(("path", "name"), [(p, n) for p, n, d in filters() if not d])
def test_a_value_naming_nothing_the_data_holds_is_a_404_unknown_value_on_every_filter(
    api, path, name
):
    response = api.get(f"{path}{name}={NO_SUCH}")
    assert response.status_code == 404, response.content
    doc = problem(response)
    assert doc["type"] == "/api/v1/problems/unknown-value"
    assert doc["parameter"] == name
    assert doc["detail"].startswith(f"{name}: ")
    assert repr(NO_SUCH) in doc["detail"]


@pytest.mark.parametrize(("path", "name"), [(p, n) for p, n, d in filters() if d])
def test_a_date_that_does_not_exist_is_said_so_on_every_date_parameter(api, path, name):
    doc = problem(api.get(f"{path}{name}=2021-02-30"))
    assert doc["status"] == 422
    assert doc["type"] == "/api/v1/problems/invalid-parameter"
    assert doc["detail"] == f"{name}: expected a date YYYY-MM-DD, got '2021-02-30' (no such day)"
    doc = problem(api.get(f"{path}{name}=yesterday"))
    assert doc["detail"] == f"{name}: expected a date YYYY-MM-DD, got 'yesterday'"


def test_the_rule_covers_references_and_vocabularies_alike(api):
    actor = problem(api.get("/api/v1/measures?actor=ZZ"))
    assert actor["detail"] == "actor: no actor 'ZZ' (see /api/v1/actors)"
    kind = problem(api.get("/api/v1/actors?kind=poem"))
    assert kind["type"] == actor["type"] == "/api/v1/problems/unknown-value"
    assert kind["detail"].startswith("kind: expected one of country, supranational, company")
    assert kind["detail"].endswith("; got 'poem'")
    edition = problem(api.get("/api/v1/changes?to_edition=nope"))
    assert edition["detail"] == "to_edition: no edition 'nope' (see /api/v1/editions)"


def test_a_value_the_data_holds_but_nothing_matches_is_an_empty_page(api):
    response = api.get("/api/v1/measures?target=DE")
    assert response.status_code == 200
    assert json.loads(response.content)["items"] == []


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("limit=0", "limit: must be at least 1, got '0'"),
        ("limit=501", "limit: must be at most 500, got '501'"),
        ("limit=many", "limit: expected a whole number, got 'many'"),
        ("offset=-1", "offset: must be at least 0, got '-1'"),
        ("actor=" + "x" * 101, "actor: must be at most 100 characters long"),
        ("status=gone", "status: expected one of pending, in-force, ended; got 'gone'"),
    ],
)
def test_invalid_values_are_described_in_the_apis_own_words(api, query, detail):
    doc = problem(api.get(f"/api/v1/measures?{query}"))
    assert doc["detail"] == detail
    assert "Input should" not in json.dumps(doc)
