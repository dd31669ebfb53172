"""The API's OpenAPI document and example values of the market dataset for its parameters."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from mercwatch.api.api import api

# One record of the market dataset (tests/exports/conftest.py) per path or required parameter.
VALUES = {
    "fid": "blueprint",
    "code": "blueprint/4",
    "actor_id": "US",
    "source_id": "src-press",
    "measure_id": "us-entity-list-2021",
    "edition_id": "2022-01",
    "before": "2022-01",
    "after": "2022-01",
    "actor": "US",
    "provision": "blueprint/5",
    "name": "NSO Group",  # screening's one name
}


def document() -> dict[str, Any]:
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    doc: dict[str, Any] = json.loads(json.dumps(schema))
    return doc


def required(operation: dict[str, Any], but: str = "") -> dict[str, str]:
    """Give example values for the required query parameters of `operation` (but `but`)."""
    return {
        p["name"]: VALUES[p["name"]]
        for p in operation.get("parameters", [])
        if p["in"] == "query" and p.get("required") and p["name"] != but
    }


def url_of(path: str, operation: dict[str, Any]) -> str:
    """Give a URL that asks `operation` at `path` for records the market dataset holds."""
    for name, value in VALUES.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, f"no example value for a parameter of {path}"
    query = required(operation)
    return path + ("?" + urlencode(query) if query else "")
