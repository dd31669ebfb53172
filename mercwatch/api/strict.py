"""The query parameters each API path accepts, read from the API's own OpenAPI document."""

from __future__ import annotations

import re
from functools import cache

from mercwatch.api.api import api

PREFIX = "/api/v1"


@cache
def _paths() -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    schema = api.get_openapi_schema(path_prefix=PREFIX)
    found = []
    for template, operations in schema["paths"].items():
        names = {
            p["name"]
            for op in operations.values()
            for p in op.get("parameters", [])
            if p.get("in") == "query"
        }
        pattern = re.sub(r"\\\{[^}]+\\\}", "(.+)", re.escape(template))
        found.append((re.compile(f"^{pattern}$"), frozenset(names)))
    # Fixed paths first, so /provisions is not taken for /provisions/{code}.
    return tuple(sorted(found, key=lambda item: item[0].pattern.count("(.+)")))


def accepted(path: str) -> frozenset[str] | None:
    """Give the query parameters the operation at `path` accepts (None: no operation there)."""
    for pattern, allowed in _paths():
        if pattern.match(path):
            return allowed
    return None
