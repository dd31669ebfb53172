"""Public URLs of actors, provisions, measures and sources, from their public IDs."""

from __future__ import annotations

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


def actor_url(actor_id: str, kind: str) -> str:
    """Give the page of an actor: governments, companies, organisations or the market."""
    section = "governments" if kind in GOVERNMENT_KINDS else SECTIONS[kind]
    return f"/{section}/{actor_id}/"


def provision_url(code: str) -> str:
    return f"/provisions/{code}/"


def measure_url(measure_id: str) -> str:
    return f"/measures/{measure_id}/"


def source_url(source_id: str) -> str:
    return f"/sources/{source_id}/"


def json_twin(path: str) -> str:
    """Give the JSON twin of a page path: `/governments/US/` → `/governments/US.json`."""
    return "/index.json" if path == "/" else path.rstrip("/") + ".json"
