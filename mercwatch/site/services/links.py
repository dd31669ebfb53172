"""Public URLs of actors, provisions, measures and sources, from their public IDs: each is the
`reverse()` of its route in mercwatch/site/urls.py, so the routes are written there alone."""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse

from mercwatch.core.vocabulary import GOVERNMENT_KINDS

SECTIONS = {
    "company": "companies",
    "civil-society": "organisations",
    "vendor": "vendors",
    "person": "vendors",
}
# The kinds of actor each section's pages show.
SECTION_KINDS: dict[str, frozenset[str]] = {
    "governments": GOVERNMENT_KINDS,
    **{
        section: frozenset(k for k, s in SECTIONS.items() if s == section)
        for section in set(SECTIONS.values())
    },
}


@lru_cache(maxsize=16384)
def route_url(name: str, **kwargs: str) -> str:
    """Give `reverse(name, kwargs=kwargs)`, kept, the most recently used first.

    A page or the search index asks for the same few thousand URLs again and again, and
    `reverse()` takes about 20 µs a call, a cached one well under 1 µs (the scorecard and a
    provision's page link hundreds of records, every page the dozen of the navigation). The site
    is served at the root of its host (no script prefix), so a path is the same for every
    request."""
    return reverse(name, kwargs=kwargs)


@receiver(setting_changed)
def _routes_changed(*, setting: str, **_signal: object) -> None:
    """Forget the URLs when a test gives the site another URL configuration."""
    if setting == "ROOT_URLCONF":
        route_url.cache_clear()


def _page(route: str, **kwargs: str) -> str:
    """Give the HTML page of the site's `route` (its `.json` twin is `fmt=".json"`)."""
    return route_url(f"site:{route}", **kwargs, fmt="/")


def section_of(kind: str) -> str:
    """Give the section whose pages show actors of `kind` (`governments`, `vendors`…)."""
    return "governments" if kind in GOVERNMENT_KINDS else SECTIONS[kind]


def actor_url(actor_id: str, kind: str) -> str:
    """Give the page of an actor: governments, companies, organisations or the market."""
    return section_url(section_of(kind), actor_id)


def section_url(section: str, actor_id: str) -> str:
    """Give the page of the actor `actor_id` in `section`."""
    if section == "governments":
        return _page("government", actor_id=actor_id)
    if section == "vendors":
        return _page("vendor", actor_id=actor_id)
    return _page("organisation", section=section, actor_id=actor_id)


def provision_url(code: str) -> str:
    """Give the page of a provision from its code (`blueprint/4`: framework, then number)."""
    framework, number = code.split("/")
    return _page("provision", framework=framework, number=number)


def provision_feed_url(code: str) -> str:
    """Give the Atom feed of the changes on a provision."""
    framework, number = code.split("/")
    return route_url("site:provision-feed", framework=framework, number=number)


def evidence_url(section: str, actor_id: str, code: str) -> str:
    """Give the page of every contribution behind an actor's assessment on a provision."""
    framework, number = code.split("/")
    return _page("evidence", section=section, actor_id=actor_id, framework=framework, number=number)


def measure_url(measure_id: str) -> str:
    return _page("measure", measure_id=measure_id)


def source_url(source_id: str) -> str:
    return _page("source", source_id=source_id)


def json_twin(path: str) -> str:
    """Give the JSON twin of a page path: `/governments/US/` → `/governments/US.json`."""
    if path == route_url("site:home"):
        return route_url("site:home-json", fmt=".json")
    return path.rstrip("/") + ".json"
