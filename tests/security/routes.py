"""Every pattern of the URL configuration, and a path that reaches it, its parameters filled
from the loaded test data: the routes the authorisation and payload matrices walk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    pattern: str  # the full pattern, as Django shows it
    namespace: str  # the innermost named namespace ("" for none)
    name: str  # the route's name, or its pattern when it has none

    @property
    def key(self) -> str:
        return f"{self.namespace}:{self.name}"


def routes() -> list[Route]:
    """Give every pattern of the URL configuration, in the resolver's order."""
    return list(_walk(get_resolver().url_patterns, "", ""))


def _walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: str) -> Iterator[Route]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
        else:
            full = prefix + str(p.pattern)
            yield Route(full, namespace, p.name or full)


# Values of the path parameters, by name, from the mini dataset (tests/fixtures/mini).
SAMPLES = {
    "section": "governments",
    "actor_id": "US",
    "fmt": "/",
    "framework": "blueprint",
    "number": "4",
    "measure_id": "us-entity-list-2021",
    "source_id": "src-press",
    "fid": "blueprint",
    "code": "blueprint/4",
    "slug": "unknown-parameter",
    "edition": "2022-01",
    "filename": "measures.csv",
    "edition_id": "2022-01",
    "before": "2022-01",
    "after": "2022-01",
    "app_label": "tracker",
    "url": "no-such-page/",
    "rest": "no-such-endpoint",
    "submission_id": "1",  # no submission in the test data: each role's 404 or refusal
}
# Where a route's records are of another kind than the samples'.
ROUTE_VALUES = {
    "site:vendor": {"actor_id": "vendor-one"},
    "site:product": {"actor_id": "vendor-one", "product": "none-recorded"},
    "site:listing": {"listing_id": "0b5d2f4e-1c3a-4f6b-9d8e-7a6b5c4d3e2f"},
    "site:organisation": {"section": "companies", "actor_id": "acme"},
    "site:history-membership": {"fid": "joint-statement", "actor_id": "FR"},
    "site:history-override": {"actor_id": "DE", "number": "6"},
    "site:history-relationship": {"subject": "vendor-one", "relation": "owner", "object": "acme"},
}
_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[a-z]+):)?(?P<name>\w+)>")
_OPTIONAL = re.compile(r"\(\?:/page/\(\?P<page>\[0-9\]\+\)\)\?")
_NAMED = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>(?:[^()]|\([^()]*\))*)\)")
_ALTERNATIVES = re.compile(r"\(\?:(?P<first>[a-z]+)(?:\|[a-z]+)*\)")
_ADMIN_MODEL = re.compile(r"^[^/]+/(?P<app>\w+)/(?P<model>\w+)/")


def path_of(route: Route, values: dict[str, str] | None = None) -> str:
    """Give a path that the route's pattern matches, its parameters from `values` (else the
    samples); the admin's object IDs are those of the first row of the route's model."""
    given = {**SAMPLES, **ROUTE_VALUES.get(route.key, {}), **(values or {})}
    text = route.pattern
    model = _model_of(text)
    if model is not None:
        row = model.objects.order_by("pk").first()
        if "object_id" not in (values or {}):
            given["object_id"] = quote(str(row.pk)) if row is not None else "0"
        history = getattr(row, "history", None)
        given["history_id"] = str(history.first().history_id) if history is not None else "0"
    given.setdefault("object_id", "1")
    text = _OPTIONAL.sub("", text)
    text = _NAMED.sub(lambda m: _regex_value(m["name"], m["body"], given), text)
    text = _ALTERNATIVES.sub(lambda m: m["first"], text)
    if "^(.+)/history/([^/]+)/$" in text:  # simple_history's form view: object, revision
        old = "^(.+)/history/([^/]+)/$"
        text = text.replace(old, f"{given['object_id']}/history/{given['history_id']}/")
    text = _ROUTE_PARAM.sub(lambda m: _route_value(m["name"], given), text)
    return "/" + text.replace("^", "").replace("$", "").replace("\\.", ".")


def _regex_value(name: str, body: str, given: dict[str, str]) -> str:
    value = given[name]
    return value if re.fullmatch(body, value) else body.replace("\\", "")


def _route_value(name: str, given: dict[str, str]) -> str:
    if name == "content_type_id":
        return str(ContentType.objects.get_by_natural_key("tracker", "measure").pk)
    if name == "id":
        return given["user_id"] if "user_id" in given else given["object_id"]
    if name == "pk":  # the two-factor device's setup views
        return given["object_id"]
    return given[name]


def _model_of(pattern: str) -> Any:
    match = _ADMIN_MODEL.match(pattern)
    if match is None:
        return None
    try:
        return apps.get_model(match["app"], match["model"])
    except LookupError:
        return None
