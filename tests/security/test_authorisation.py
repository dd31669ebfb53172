"""The authorisation matrix: every route of the URL configuration × every role × every method
gets the outcome its rule in tests/security/rules.py says, and no request writes anything."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve

from mercwatch.store.models import DataVersion
from tests.security.roles import ROLES
from tests.security.routes import Route, path_of, routes
from tests.security.rules import METHODS, RULES, rule_for

ROUTES = routes()


def outcome(response: Any) -> str:
    """Give the class of an answer (tests/security/rules.py)."""
    status = response.status_code
    if status in {301, 302}:
        return "login" if response["Location"].startswith(settings.LOGIN_URL) else "moved"
    named = {200: "page", 204: "allow", 403: "denied", 404: "missing", 405: "refused"}
    return named.get(status, str(status))


def test_every_route_has_a_rule():
    missing = [r.key for r in ROUTES if rule_for(r.key) is None]
    assert missing == [], "a route without a rule in tests/security/rules.py"


def test_every_rule_is_for_a_route():
    used = {rule_for(r.key) for r in ROUTES}
    assert sorted(set(RULES) - used) == []


@pytest.mark.django_db
def test_each_sample_path_reaches_its_route(mini_db):
    for route in ROUTES:
        match = resolve(path_of(route))
        assert match.route.replace("^", "") == route.pattern.replace("^", ""), route.key


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.key)
def test_each_role_gets_what_the_rule_says_for_each_method(
    mini_db, django_user_model, settings, route: Route
):
    """One route, each role (tests/security/roles.py) with each method: the rule's outcome."""
    settings.API_RATE_LIMIT = settings.SEARCH_RATE_LIMIT = 0  # the matrix is not a flood
    rule = RULES[rule_for(route.key) or route.key]
    path = path_of(route)
    before = DataVersion.objects.values_list("counter", flat=True).first()
    wrong = []
    for role in ROLES:
        user = role.user(django_user_model)
        users = django_user_model.objects.count()
        client = Client()
        if user is not None:
            client.force_login(user)
        for method in METHODS:
            got = outcome(client.generic(method, path))
            if got not in rule(role, method):
                expected = "/".join(sorted(rule(role, method)))
                wrong.append(f"{role.name} {method} {path}: {got}, not {expected}")
        assert django_user_model.objects.count() == users, f"{role.name} made a user"
    assert wrong == []
    assert DataVersion.objects.values_list("counter", flat=True).first() == before
