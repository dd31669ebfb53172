"""The compare page: one government opens the form, several are compared with totals."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_compare_with_others_opens_the_form_with_that_government_chosen(client, mini_db):
    page = client.get("/governments/US/").content.decode()
    assert 'href="/compare/?ids=US"' in page
    response = client.get("/compare/?ids=US")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="US" selected>United States</option>' in html
    assert "United States is chosen. Choose one to three more governments" in html
    assert "<table" not in html


def test_comparing_a_government_with_itself_is_refused_with_a_clear_message(client, mini_db):
    response = client.get("/compare/?ids=US&ids=US")
    assert response.status_code == 400
    assert "United States chosen more than once: a government cannot be compared with itself" in (
        response.content.decode()
    )


def test_compare_shows_totals_the_level_legend_and_an_as_of_control(client, mini_db):
    html = client.get("/compare/?ids=US&ids=FR&as_of=2022-01-01").content.decode()
    assert "What the levels mean" in html
    assert "Implemented and enforced</span> – score 4" in html
    assert '<input id="as_of" name="as_of" type="date" value="2022-01-01">' in html
    assert "United States, France as of 1 January 2022" in html
    data = client.get("/compare.json?ids=US&ids=FR&as_of=2022-01-01").json()
    us = sum(a["score"] or 0 for a in data["assessments"] if a["actor"] == "US")
    assert data["totals"]["US"] == us > 0
    assert f'<th scope="row">Total score</th><td class="total">{us}</td>' in html


def test_a_place_that_is_not_assessed_cannot_be_compared(client, bundled_db):
    response = client.get("/compare/?ids=AQ&ids=FR")
    assert response.status_code == 400
    assert "not an assessed government: AQ" in response.content.decode()
    assert '<option value="AQ"' not in client.get("/compare/").content.decode()
