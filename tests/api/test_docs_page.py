"""The API docs page is rendered from the OpenAPI document and can be tried without JavaScript."""

from __future__ import annotations

from html import unescape

import pytest

from tests.api.examples import document


def test_the_docs_page_shows_every_operation_its_parameters_and_a_form(api):
    html = unescape(api.get("/api/v1/docs/").content.decode())
    assert '<nav aria-label="Main">' in html  # the site's own page, not Swagger UI
    assert "swagger-ui" not in html
    for path, methods in document()["paths"].items():
        assert f"<code>GET {path}</code>" in html, path
        for parameter in methods["get"].get("parameters", []):
            assert f"<code>{parameter['name']}</code>" in html, (path, parameter["name"])
    assert html.count('action="/api/v1/docs/try/"') == len(document()["paths"])
    assert 'href="/api/v1/docs/console/"' in html


@pytest.mark.django_db
def test_every_example_url_on_the_docs_page_answers(client, bundled_db):
    from mercwatch.api.docs import published

    for operation in published():
        response = client.get(operation.example, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (operation.example, response.content[:200])


def test_a_docs_form_sends_the_reader_to_the_url_it_asks_for_without_the_empty_fields(api):
    response = api.get(
        "/api/v1/docs/try/?operation=actors-list-actors&kind=country&membership=&country=&limit="
    )
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/actors?kind=country"
    one = api.get("/api/v1/docs/try/?operation=frameworks-get-provision&code=blueprint/4")
    assert one["Location"] == "/api/v1/provisions/blueprint/4"
    assert api.get(one["Location"]).status_code == 200


def test_a_docs_form_without_its_path_value_says_what_is_missing(api):
    response = api.get("/api/v1/docs/try/?operation=actors-get-actor&actor_id=")
    assert response.status_code == 422
    assert response.json()["detail"] == "actor_id: is required"
