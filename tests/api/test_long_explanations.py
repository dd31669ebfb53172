"""A busy assessment lists its deciding contributions inline and links to the paged rest."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mercwatch.site.services.explain import SHOWN

CELL = "/api/v1/assessments?actor=US&provision=blueprint/5&as_of=2022-01-01"


def get(client: Any, url: str) -> Any:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.mark.django_db
def test_an_assessment_shows_what_the_site_shows_and_links_to_every_contribution(client, busy_db):
    (a,) = get(client, CELL)["items"]
    explanation = a["explanation"]
    assert len(explanation["measures"]) + len(explanation["memberships"]) == SHOWN
    assert explanation["not_shown"] == 108
    assert all(m["decisive"] for m in explanation["measures"][:1])
    site = client.get("/governments/US.json?as_of=2022-01-01").json()
    cell = next(x for x in site["assessments"] if x["provision"] == "blueprint/5")
    assert [m["id"] for m in explanation["measures"]] == [
        m["id"] for m in cell["explanation"]["measures"]
    ]

    evidence = explanation["evidence"]
    assert evidence == "/api/v1/contributions?actor=US&provision=blueprint%2F5&as_of=2022-01-01"
    first = get(client, evidence + "&limit=100")
    assert (first["total"], len(first["items"])) == (120, 100)
    rest = get(client, first["next"])
    assert len(rest["items"]) == 20
    listed = {c["id"] for c in first["items"] + rest["items"]}
    assert {m["id"] for m in explanation["measures"]} <= listed


@pytest.mark.django_db
def test_contributions_all_gives_every_contribution_inline(client, busy_db):
    (a,) = get(client, CELL + "&contributions=all")["items"]
    assert len(a["explanation"]["measures"]) == 120
    assert a["explanation"]["not_shown"] == 0


@pytest.mark.django_db
def test_contributions_of_an_actor_not_assessed_on_the_provision_is_a_404(client, busy_db):
    response = client.get("/api/v1/contributions?actor=vendor-one&provision=blueprint/5")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
