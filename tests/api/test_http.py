"""The API's HTTP behaviour: pages, filters, ETags, CORS, and one error shape for every status."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mercwatch.api.problems import problem_body

PROBLEM = "application/problem+json"


def body(response: Any) -> Any:
    return json.loads(response.content)


def assert_problem(response: Any, status: int) -> Any:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    doc = body(response)
    assert {"type", "title", "status", "detail"} <= set(doc)
    assert doc["status"] == status
    return doc


def test_every_list_pages_with_a_total_and_a_next_link_that_keeps_the_filters(api):
    first = body(api.get("/api/v1/actors?kind=country&limit=2"))
    assert first["total"] == 3
    assert [a["id"] for a in first["items"]] == ["DE", "FR"]  # the data's own order
    assert first["next"].endswith("/api/v1/actors?kind=country&offset=2&limit=2")
    second = body(api.get(first["next"].removeprefix("http://127.0.0.1")))
    assert len(second["items"]) == 1
    assert second["next"] is None
    assert [a["id"] for a in first["items"] + second["items"]] == ["DE", "FR", "US"]


def test_pages_link_to_the_previous_page_and_previous_undoes_next(api):
    first = body(api.get("/api/v1/measures?actor=US&limit=1"))
    assert first["previous"] is None
    second = body(api.get(first["next"].removeprefix("http://127.0.0.1")))
    assert second["previous"].endswith("/api/v1/measures?actor=US&offset=0&limit=1")
    back = body(api.get(second["previous"].removeprefix("http://127.0.0.1")))
    assert back == first
    beyond = body(api.get("/api/v1/actors?kind=country&limit=2&offset=40"))
    assert beyond["items"] == []
    assert beyond["previous"].endswith("offset=2&limit=2")  # the last page that holds items


def test_the_order_is_stable_from_one_request_to_the_next(api):
    one = body(api.get("/api/v1/measures?limit=500"))
    two = body(api.get("/api/v1/measures?limit=500"))
    assert [m["id"] for m in one["items"]] == [m["id"] for m in two["items"]]


def test_limit_is_bounded(api):
    doc = assert_problem(api.get("/api/v1/measures?limit=501"), 422)
    assert doc["parameter"] == "limit"


def test_measures_filter_by_actor_type_provision_target_date_and_status(api):
    def ids(query: str) -> list[str]:
        return [m["id"] for m in body(api.get(f"/api/v1/measures?{query}"))["items"]]

    assert "us-entity-list-2021" in ids("actor=US")
    assert ids("type=designation") == ["us-entity-list-2021"]
    assert ids("target=vendor-two") == ["acme-report-2022"]
    assert "us-entity-list-2021" in ids("provision=blueprint/5")
    assert "us-entity-list-2021" not in ids("date_to=2021-06-30")
    assert "us-entity-list-2021" in ids("date_from=2021-11-01&date_to=2021-11-30")
    assert "us-entity-list-2021" in ids("status=in-force")
    assert ids("status=pending&as_of=2000-01-01")


def test_actors_filter_by_membership_and_country(api):
    members = body(api.get("/api/v1/actors?membership=joint-statement"))["items"]
    assert members
    based = [a["id"] for a in body(api.get("/api/v1/actors?country=FR"))["items"]]
    assert {"FR", "vendor-one", "vendor-two"} <= set(based)


def test_relationships_filter_by_either_side(api):
    ties = body(api.get("/api/v1/relationships?actor=vendor-one"))["items"]
    assert [t["id"] for t in ties] == ["vendor-two/subsidiary/vendor-one"]


def test_assessments_at_any_date_embed_their_explanation(api):
    now = body(api.get("/api/v1/assessments?actor=US&provision=blueprint/5&as_of=2022-01-01"))
    before = body(api.get("/api/v1/assessments?actor=US&provision=blueprint/5&as_of=2020-01-01"))
    (a,) = now["items"]
    assert a["as_of"] == "2022-01-01"
    assert a["explanation"]["measures"]
    assert before["items"][0]["level"] != a["level"]


def test_changes_since_a_date_and_between_two_editions(api):
    since = body(api.get("/api/v1/changes?since=2021-01-01&until=2021-12-31&actor=US"))
    assert {c["date"][:4] for c in since["items"]} == {"2021"}
    between = body(api.get("/api/v1/changes?to_edition=2022-01&actor=US"))
    assert [c["id"] for c in between["items"]] == [c["id"] for c in since["items"]]
    doc = assert_problem(api.get("/api/v1/changes?from_edition=nope"), 404)
    assert doc["type"].endswith("/unknown-value")


def test_a_provision_is_read_by_its_code(api):
    assert body(api.get("/api/v1/provisions/blueprint/4"))["code"] == "blueprint/4"


def test_etag_gives_304_on_if_none_match_and_changes_with_the_query(api):
    first = api.get("/api/v1/editions")
    tag = first["ETag"]
    again = api.get("/api/v1/editions", HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304
    assert again.content == b""
    assert api.get("/api/v1/editions?limit=1")["ETag"] != tag


def test_read_only_cors_on_get_and_preflight(api):
    response = api.get("/api/v1/frameworks", HTTP_ORIGIN="https://elsewhere.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.options("/api/v1/frameworks", HTTP_ORIGIN="https://elsewhere.example")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_head_answers_like_get_without_a_body(api):
    response = api.head("/api/v1/frameworks")
    assert response.status_code == 200
    assert response.content == b""


def test_an_unknown_query_parameter_is_a_400_naming_it(api):
    doc = assert_problem(api.get("/api/v1/measures?actor=US&colour=red"), 400)
    assert doc["parameter"] == "colour"
    assert_problem(api.get("/api/v1/actors/US?colour=red"), 400)


def test_a_repeated_parameter_is_a_400(api):
    assert assert_problem(api.get("/api/v1/measures?limit=1&limit=2"), 400)["parameter"] == "limit"


def test_an_invalid_value_is_a_422_naming_the_parameter(api):
    doc = assert_problem(api.get("/api/v1/assessments?as_of=2023-02-30"), 422)
    assert doc["parameter"] == "as_of"
    assert doc["errors"][0]["parameter"] == "as_of"
    assert assert_problem(api.get("/api/v1/measures?type=poem"), 404)["parameter"] == "type"


def test_unknown_records_and_paths_are_404_problems(api):
    assert_problem(api.get("/api/v1/actors/ZZ"), 404)
    assert_problem(api.get("/api/v1/no-such-thing"), 404)


def test_writes_are_405_problems_with_allow(api):
    response = api.post("/api/v1/measures", data="{}", content_type="application/json")
    assert_problem(response, 405)
    assert "GET" in response["Allow"]
    assert_problem(api.delete("/api/v1/actors/US"), 405)


def test_a_large_body_is_a_413_problem(api):
    response = api.generic("GET", "/api/v1/frameworks", data=b"x" * 70_000)
    assert_problem(response, 413)


def test_too_many_requests_is_a_429_problem_with_retry_after(api, settings, monkeypatch):
    from mercwatch.core.throttle import ClientThrottle

    now = [1_700_000_000.0]  # the throttle's clock, moved by hand: no minute boundary to cross
    monkeypatch.setattr(ClientThrottle, "timer", staticmethod(lambda: now[0]))
    settings.API_RATE_LIMIT = 2
    assert api.get("/api/v1/editions").status_code == 200
    now[0] += 15
    assert api.get("/api/v1/editions", HTTP_IF_NONE_MATCH="*").status_code == 304  # counts too
    now[0] += 5
    response = api.get("/api/v1/frameworks")
    doc = assert_problem(response, 429)
    assert doc["type"].endswith("/too-many-requests")
    assert "at most 2 requests a minute" in doc["detail"]
    assert response["Retry-After"] == "40"  # when the first request leaves the minute
    assert "Retry-After" in response["Access-Control-Expose-Headers"]
    now[0] += 40
    assert api.get("/api/v1/frameworks").status_code == 200


@pytest.mark.parametrize("status", [400, 404, 405, 409, 413, 422, 429, 500])
def test_every_error_status_has_the_one_problem_shape(status):
    doc = problem_body(status, "why", parameter="p")
    assert list(doc) == ["type", "title", "status", "detail", "parameter"]
    assert doc["type"].startswith("/api/v1/problems/")
    assert doc["status"] == status


def test_the_openapi_document_is_openapi_3_with_problem_errors(api):
    doc = body(api.get("/api/v1/openapi.json"))
    assert doc["openapi"].startswith("3.")
    operation = doc["paths"]["/api/v1/measures"]["get"]
    assert PROBLEM in operation["responses"]["400"]["content"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"actor", "type", "provision", "target", "date_from", "date_to", "status"} <= names


@pytest.mark.parametrize(
    ("page", "asset"),
    [
        ("/api/v1/docs/", "/static/site/site.css"),
        ("/api/v1/docs/console/", "/static/ninja/swagger-ui-bundle.js"),
    ],
)
def test_the_docs_page_loads_only_assets_served_by_mercwatch(api, page, asset):
    html = api.get(page).content.decode()
    assert asset in html
    assert "http://" not in html.replace('"http://www.w3.org', "")
    assert "https://" not in html
    assert api.get(asset).status_code == 200


def test_a_bad_edit_is_refused_before_it_lands_and_the_api_keeps_answering(api):
    from mercwatch.store.writes import Refused, apply
    from mercwatch.tracker.models import Link

    link = Link.objects.get(measure_id="us-entity-list-2021")
    link.level = "not-a-level"
    with pytest.raises(Refused, match="not-a-level"):
        apply(link.save, reason="test")
    assert api.get("/api/v1/frameworks").status_code == 200


def test_an_overlong_query_string_is_a_400_problem(api):
    doc = assert_problem(api.get("/api/v1/measures?actor=" + "x" * 5000), 400)
    assert doc["type"].endswith("/query-too-long")


def test_the_front_door_links_to_the_docs_the_openapi_document_and_each_collection(api):
    response = api.get("/api/v1/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    door = body(response)
    local = {k: v.removeprefix("http://127.0.0.1") for k, v in door.items() if k != "collections"}
    assert local["docs"] == "/api/v1/docs/"
    assert api.get(local["docs"]).status_code == 200
    assert api.get(local["console"]).status_code == 200
    assert body(api.get(local["openapi"]))["openapi"].startswith("3.")
    assert set(door["collections"]) == {
        "frameworks", "provisions", "actors", "memberships", "measures", "sources",
        "relationships", "assessments", "editions", "changes",
    }  # fmt: skip
    for url in door["collections"].values():
        assert "items" in body(api.get(url.removeprefix("http://127.0.0.1"))), url
