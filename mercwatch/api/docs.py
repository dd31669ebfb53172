"""The API's documentation page, read from its own OpenAPI document: each operation, its
parameters and responses, an example URL, and the URL a plain form asks for."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PREFIX = "/api/v1"
# Records of the bundled data, to make each operation's example URL answer.
EXAMPLES = {
    "fid": "blueprint",
    "code": "blueprint/4",
    "actor_id": "US",
    "source_id": "hstoday-entity-list-2021-11-03",
    "measure_id": "us-entity-list-2021-11",
    "edition_id": "2023-11-blueprint-baseline",
    "before": "2023-11-blueprint-baseline",
    "after": "2026-11",
    "actor": "US",
    "provision": "blueprint/4",
    "name": "NSO Group",  # screening's one name
}


@dataclass(frozen=True)
class Param:
    name: str
    where: str  # "path" or "query"
    required: bool
    # What a value looks like ("date YYYY-MM-DD", "whole number 1–500", "text"), in the reader's
    # language: the operations are read once, the page is shown in any language.
    form: str | Promise
    choices: tuple[str, ...]
    default: str
    description: str


@dataclass(frozen=True)
class Operation:
    anchor: str
    path: str
    summary: str
    tag: str
    params: tuple[Param, ...]
    responses: tuple[tuple[str, str], ...]
    example: str


def _whole_number(low: object, high: object) -> str:
    if low is None or high is None:
        return _("whole number")
    return _("whole number %(low)s–%(high)s") % {"low": low, "high": high}


whole_number = lazy(_whole_number, str)


def _form(
    schema: dict[str, Any], components: dict[str, Any]
) -> tuple[str | Promise, tuple[str, ...]]:
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    one = options[0] if options else {}
    if "$ref" in one:
        one = components[one["$ref"].rsplit("/", 1)[1]]
    if "enum" in one:
        return gettext_lazy("one of the values listed"), tuple(str(v) for v in one["enum"])
    if one.get("format") == "date":
        return gettext_lazy("date YYYY-MM-DD"), ()
    if one.get("type") == "integer":
        return whole_number(one.get("minimum"), one.get("maximum")), ()
    return gettext_lazy("text"), ()


def _param(p: dict[str, Any], components: dict[str, Any]) -> Param:
    schema = p.get("schema", {})
    form, choices = _form(schema, components)
    default = schema.get("default")
    return Param(
        p["name"], p["in"], bool(p.get("required")), form, choices,
        "" if default is None else str(default), str(p.get("description", "")),
    )  # fmt: skip


def operations(doc: dict[str, Any]) -> list[Operation]:
    """Give every GET operation of the OpenAPI document `doc`, in its order."""
    components = doc.get("components", {}).get("schemas", {})
    found = []
    for path, methods in doc["paths"].items():
        op = methods["get"]
        params = tuple(_param(p, components) for p in op.get("parameters", []))
        responses = tuple(
            (code, str(r.get("description", ""))) for code, r in op["responses"].items()
        )
        found.append(
            Operation(
                anchor=_anchor(op["operationId"]),
                path=path,
                summary=str(op.get("summary", "")),
                tag=(op.get("tags") or ["api"])[0],
                params=params,
                responses=responses,
                example=url_for(path, params, EXAMPLES, required_only=True),
            )
        )
    return found


def _anchor(operation_id: str) -> str:
    return operation_id.rsplit("routers_", 1)[-1].replace("_", "-")


def url_for(
    path: str, params: tuple[Param, ...], values: dict[str, str], *, required_only: bool = False
) -> str:
    """Give the URL of `path` with `values` for its path parameters and for the query
    parameters given (empty values left out, as the API refuses them)."""
    for p in params:
        if p.where == "path":
            path = path.replace("{" + p.name + "}", quote(values.get(p.name, ""), safe="/"))
    query = {
        p.name: values[p.name]
        for p in params
        if p.where == "query" and values.get(p.name) and (p.required or not required_only)
    }
    return path + ("?" + urlencode(query) if query else "")


def operation(anchor: str) -> Operation | None:
    """Give the published operation whose anchor is `anchor`."""
    return next((o for o in published() if o.anchor == anchor), None)


@cache
def published() -> tuple[Operation, ...]:
    """Give the operations of the API's own OpenAPI document."""
    from mercwatch.api.api import api  # the API imports the views

    return tuple(operations(api.get_openapi_schema(path_prefix=PREFIX)))
