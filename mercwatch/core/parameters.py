"""Query parameters an answer does not know, found by one rule for the site and the API: the
API refuses them (400 unknown-parameter), a page ignores them and says so in a notice."""

from __future__ import annotations

from collections.abc import Collection, Iterable


def unknown(given: Iterable[str], known: Collection[str]) -> list[str]:
    """Give the names in `given` that are not in `known`, once each, in the order given."""
    return [name for name in dict.fromkeys(given) if name not in known]
