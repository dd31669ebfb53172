"""Places with no government of their own: on their page, not assessed; not in the scorecard."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_antarctica_and_other_places_are_not_in_the_scorecard(client, bundled_db):
    data = client.get("/index.json").json()
    ids = {r["id"] for r in data["rows"]}
    assert not {"AQ", "BV", "HM", "UM"} & ids
    assert {"FR", "US", "EU", "VA", "PS"} <= ids
    assert len(data["rows"]) == 196
    html = client.get("/").content.decode()
    assert 'Scorecard <span class="count">(196 governments)</span>' in html
    assert ">Antarctica<" not in html


def test_antarctica_page_says_it_is_not_assessed_and_why(client, bundled_db):
    response = client.get("/governments/AQ/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not assessed." in html
    assert "Antarctica is not a member or observer state of the United Nations" in html
    assert "Total score" not in html
    assert "Compare with others" not in html
    twin = client.get("/governments/AQ.json").json()
    assert "not a member or observer state" in twin["not_assessed"]
    assert {a["level"] for a in twin["assessments"]} == {"not-assessed"}


def test_a_un_member_is_still_assessed(client, bundled_db):
    html = client.get("/governments/FR/").content.decode()
    assert "Total score" in html
    assert "Not assessed." not in html
    assert client.get("/governments/FR.json").json()["not_assessed"] is None


def test_the_directory_marks_places_as_not_assessed(client, bundled_db):
    html = client.get("/governments/").content.decode()
    assert 'Antarctica</a> <span class="not-assessed">(a place, not assessed)</span>' in html
    assert 'France</a> <span class="not-assessed">' not in html
