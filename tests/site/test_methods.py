"""Read-only routes answer GET, HEAD and OPTIONS; other methods are 405 with Allow, never 403."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

ROUTES = [
    "/",
    "/governments/US/",
    "/governments/US.json",
    "/changes/feed.atom",
    "/downloads/",
    "/search/?q=nso",
    "/methodology/",
]


@pytest.mark.parametrize("path", ROUTES)
@pytest.mark.parametrize("method", ["put", "delete", "patch", "post"])
def test_a_write_method_on_a_read_only_route_is_405_with_allow(client, mini_db, path, method):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert method.upper() in response.content.decode()


@pytest.mark.parametrize("path", [*ROUTES, "/admin/login/", "/api/v1/measures"])
def test_trace_is_refused_everywhere(client, path):
    response = client.generic("TRACE", path)
    assert response.status_code == 405
    assert "TRACE" not in response.get("Allow", "")


@pytest.mark.parametrize("path", ROUTES)
def test_options_answers_allow_and_not_the_page(client, mini_db, path):
    response = client.options(path)
    assert response.status_code == 204
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.content == b""


def test_the_back_office_still_takes_its_sign_in_form(client):
    response = client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert response.status_code in {200, 403}  # the form again, or a CSRF refusal: not a 405
    assert response.status_code != 405


def _namespaces(patterns: list[URLPattern | URLResolver], prefix: tuple[str, ...] = ()):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _namespaces(p.url_patterns, (*prefix, p.namespace or ""))
        else:
            yield prefix


def test_every_namespace_of_the_url_configuration_has_a_method_rule():
    from mercwatch.core.methods import OWN_METHODS, WRITABLE

    known = WRITABLE | OWN_METHODS | {"site", "exports", "editions", ""}
    found = {ns for chain in _namespaces(get_resolver().url_patterns) for ns in chain}
    assert found <= known, "a new namespace: decide whether its routes are read-only"
