"""URLs come from the URL configuration alone: no template writes an internal path by hand (it
asks `{% url %}`, `{% cached_url %}` or a record's URL filter), no module builds HTML in an
f-string (templates do), and the links the pages show still lead where they led."""

from __future__ import annotations

import ast
import html
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as conf
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from mercwatch.site.services import links

PACKAGE = Path(__file__).resolve().parents[2] / "mercwatch"
HARD_CODED = re.compile(r"""\b(?:href|action|src)\s*=\s*["']/""")
TAG = re.compile(r"(?<!\?P)<[A-Za-z/!]")  # a tag, a closing tag or a comment; no (?P<group>
LINK = re.compile(r"""\b(href|action|src)=["']([^"'#]*)""")


def _templates() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*") if "templates" in p.parts and p.is_file())


def test_no_template_writes_an_internal_path_by_hand():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()[:120]}"
        for path in _templates()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HARD_CODED.search(line)
    ]
    assert _templates(), "no template found"
    assert found == []


def _html_f_strings(source: str) -> list[int]:
    """Give the lines of the f-strings of `source` whose text holds a tag."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.JoinedStr)
        and any(
            isinstance(part, ast.Constant) and TAG.search(str(part.value)) for part in node.values
        )
    ]


def test_no_module_builds_html_in_an_f_string():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in _html_f_strings(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_checks_see_what_they_are_meant_to_refuse():
    assert HARD_CODED.search('<a href="/governments/">')
    assert HARD_CODED.search("<form action='/search/'>")
    assert not HARD_CODED.search("<a href=\"{% url 'site:home' %}\">")
    assert _html_f_strings('x = f\'<td class="{css}">\'\ny = f"{a}</a>"') == [1, 2]
    assert _html_f_strings('x = f"{a} < {b}"\ny = "<td>"\nz = rf"^(?P<id>[a-z]+){x}$"') == []


# Each URL as it is built now, and the path the templates and Python wrote by hand before.
OLD_FORMS = [
    (lambda: links.actor_url("US", "country"), "/governments/US/"),
    (lambda: links.actor_url("EU", "supranational"), "/governments/EU/"),
    (lambda: links.actor_url("acme", "company"), "/companies/acme/"),
    (lambda: links.actor_url("citizen-lab", "civil-society"), "/organisations/citizen-lab/"),
    (lambda: links.actor_url("nso-group", "vendor"), "/vendors/nso-group/"),
    (lambda: links.actor_url("tal-dilian", "person"), "/vendors/tal-dilian/"),
    (lambda: links.provision_url("blueprint/4"), "/provisions/blueprint/4/"),
    (lambda: links.provision_url("techaccord/1.2"), "/provisions/techaccord/1.2/"),
    (lambda: links.provision_feed_url("blueprint/4"), "/provisions/blueprint/4/feed.atom"),
    (lambda: links.measure_url("us-entity-list-2021"), "/measures/us-entity-list-2021/"),
    (lambda: links.source_url("src-press"), "/sources/src-press/"),
    (
        lambda: links.evidence_url("companies", "acme", "techaccord/1"),
        "/companies/acme/evidence/techaccord/1/",
    ),
    (
        lambda: links.route_url("site:timeline", section="governments", actor_id="US", fmt="/"),
        "/governments/US/measures/",
    ),
    (
        lambda: links.route_url("site:actor-feed", section="vendors", actor_id="nso-group"),
        "/vendors/nso-group/feed.atom",
    ),
    (
        lambda: links.route_url("site:directory", section="organisations", fmt="/"),
        "/organisations/",
    ),
    (lambda: links.route_url("site:home"), "/"),
    (lambda: links.route_url("site:changes-feed"), "/changes/feed.atom"),
    (lambda: links.route_url("site:search", fmt="/"), "/search/"),
    (lambda: reverse("exports:downloads"), "/downloads/"),
    (lambda: reverse("exports:downloads-json"), "/downloads/index.json"),
    (
        lambda: reverse("exports:download", kwargs={"edition": "2026-11", "filename": "a.csv"}),
        "/downloads/2026-11/a.csv",
    ),
    (lambda: reverse("api-v1:index"), "/api/v1/"),
    (lambda: reverse("api-docs"), "/api/v1/docs/"),
    (lambda: reverse("api-console"), "/api/v1/docs/console/"),
    (lambda: reverse("api-try"), "/api/v1/docs/try/"),
    (
        lambda: reverse("api-problem", kwargs={"slug": "unknown-value"}),
        "/api/v1/problems/unknown-value",
    ),
]


@pytest.mark.parametrize(("built", "old"), OLD_FORMS, ids=[old for _b, old in OLD_FORMS])
def test_each_url_is_the_path_it_was(built, old):
    assert built() == old


# Every kind of page; the walk goes on from the links they show.
SEEDS = [
    "/",
    "/?as_of=2022-01-01",
    "/governments/",
    "/governments/US/?as_of=2022-01-01",
    "/governments/US/measures/?as_of=2022-01-01",
    "/governments/US/evidence/blueprint/1/",
    "/companies/",
    "/organisations/",
    "/vendors/",
    "/provisions/",
    "/compare/?ids=US&ids=FR",
    "/changes/",
    "/methodology/",
    "/search/?q=NSO",
    "/search/?q=nsoo",
    "/downloads/",
    "/downloads/codebook/",
    "/api/v1/docs/",
    "/api/v1/problems/unknown-value",
]
PER_ROUTE = 3  # links followed of each route at each step


def _internal(page: str) -> dict[str, str]:
    """Give the page's internal links, each with the attribute that holds it."""
    return {
        html.unescape(link): attribute
        for attribute, link in LINK.findall(page)
        if link.startswith("/") and not link.startswith(("//", conf.STATIC_URL))
    }


@pytest.mark.django_db
def test_the_links_of_the_bundled_pages_resolve_and_answer(bundled_db, settings):
    """Walk three steps from the seeds: every internal link of every page met resolves to a
    route, and the first few links of each route (in path order) answer 200."""
    settings.SEARCH_RATE_LIMIT = settings.API_RATE_LIMIT = 0
    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get("/no-such-page/").status_code == 404
    step, fetched, followed = list(SEEDS), set(SEEDS), Counter[str]()
    routes: set[str] = set()
    for _ in range(3):
        found: dict[str, str] = {}
        for path in step:
            response = client.get(path)
            assert response.status_code == 200, path
            if response["Content-Type"].startswith("text/html"):
                found |= _internal(response.content.decode())
        step = []
        for link, attribute in sorted(found.items()):
            try:
                route = resolve(urlsplit(link).path).view_name
            except Resolver404:
                pytest.fail(f"{link} resolves to no route")
            routes.add(route)
            # A form's target answers the fields the form sends, so it is not followed alone.
            if attribute != "action" and link not in fetched and followed[route] < PER_ROUTE:
                followed[route] += 1
                fetched.add(link)
                step.append(link)
    expected = {
        "site:government",
        "site:organisation",
        "site:vendor",
        "site:provision",
        "site:measure",
        "site:source",
        "site:actor-feed",
        "site:provision-feed",
        "site:timeline",
        "exports:codebook",
        "exports:downloads-json",
        "api-try",
        "api-problem",
        "api-console",
    }
    assert expected <= routes, expected - routes
