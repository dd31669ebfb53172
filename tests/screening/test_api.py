"""POST /api/v1/screen (a batch) and GET /api/v1/screen?name= (one name): JSON in and out,
in the OpenAPI document, bad input refused naming the entry, rate limited."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/screen"


def _post(client: Any, body: Any) -> Any:
    return client.post(URL, body, content_type="application/json")


def test_a_batch_is_screened_best_first_with_the_run_named(client, bundled_db):
    body = {"names": [{"name": "Q Cyber Technologies Ltd", "id": "row-7"}, {"name": "Sandvik"}],
            "as_of": "2025-01-01"}  # fmt: skip
    response = _post(client, body)
    assert response.status_code == 200, response.content
    doc = response.json()
    run = doc["run"]
    assert run["methodology"] == "mercwatch-screening-1"
    assert run["threshold"] == 0.85
    assert run["as_of"] == "2025-01-01"
    assert run["data_version"]
    assert run["screened_at"]
    first, second = doc["results"]
    assert (first["query"], first["id"]) == ("Q Cyber Technologies Ltd", "row-7")
    top = first["matches"][0]
    assert (top["actor"], top["designated"], top["affiliated"]) == (
        "q-cyber-technologies", False, True,
    )  # fmt: skip
    assert top["path"] == [
        "the parent company of NSO Group, designated by United States since 4 November 2021: "
        "Entity List additions of NSO Group, Candiru, Positive Technologies and COSEINC"
    ]
    assert "legal form removed: ltd" in top["reasons"]
    assert second["matches"] == []


def test_one_name_by_get(client, bundled_db):
    doc = client.get(URL, {"name": "Cytrox"}).json()
    actors = [m["actor"] for m in doc["results"][0]["matches"]]
    assert actors[0] == "cytrox-ad"


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"name": "=HYPERLINK(1)"}, "name"),  # a spreadsheet would run it
        ({"name": "NSO", "country": "Atlantis"}, "country"),
        ({"name": "NSO", "kind": "poem"}, "kind"),
    ],
)
def test_a_bad_entry_is_refused_naming_it(client, bundled_db, entry, field):
    response = _post(client, {"names": [{"name": "NSO Group"}, entry]})
    assert response.status_code in {404, 422}  # the API's kinds: a value of no record, invalid
    doc = response.json()
    assert f"names.1.{field}: " in doc["detail"], doc["detail"]


def test_an_empty_batch_or_unknown_field_is_refused(client, bundled_db):
    assert _post(client, {"names": []}).status_code == 422
    assert _post(client, {"names": [{"name": "NSO", "colour": "red"}]}).status_code == 422
    assert _post(client, {"names": [{"name": "NSO"}], "as_of": "3000-01-01"}).status_code == 422


def test_the_operations_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/screen"]) == {"get", "post"}


def test_screening_counts_against_the_rate_limit(client, bundled_db, settings):
    settings.API_RATE_LIMIT = 1
    assert _post(client, {"names": [{"name": "NSO"}]}).status_code == 200
    refused = _post(client, {"names": [{"name": "NSO"}]})
    assert refused.status_code == 429
    assert refused["Retry-After"]
