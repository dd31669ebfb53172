"""The JSON Schema of the JSON export, built from the table definitions it describes.

The schema is shipped as a static file (`static/exports/export.schema.json`); a test checks the
shipped file equals what this module builds, so the two cannot drift.
"""

from __future__ import annotations

from typing import Any

from mercwatch.exports.tables import Column, Table, build_tables
from mercwatch.tracker.snapshot import Snapshot

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
NULLABLE = {"type": ["string", "null"]}


METHODOLOGY_VERSION = r"^\d{4}\.\d+$"


def _type(column: Column, key: bool) -> dict[str, Any]:
    if key:
        return {"type": "string", "minLength": 1}
    if column.type == "integer":
        return {"type": ["integer", "null"]}
    if column.type == "boolean":
        return {"type": "boolean"}
    if column.type == "date":
        return {"anyOf": [{"type": "string", "pattern": PARTIAL_DATE}, {"type": "null"}]}
    if column.values:
        labelled = [{"const": v, "title": label} for v, label in column.values]
        return {"oneOf": [*labelled, {"type": "null"}]}
    if column.references == "methodologies":
        return {"type": "string", "pattern": METHODOLOGY_VERSION}
    return dict(NULLABLE)


def _column(column: Column, key: bool) -> dict[str, Any]:
    return {"description": column.description, **_type(column, key)}


def _row(table: Table) -> dict[str, Any]:
    return {
        "type": "object",
        "description": table.description,
        "additionalProperties": False,
        "required": [c.name for c in table.columns],
        "properties": {c.name: _column(c, c.name == table.key) for c in table.columns},
    }


def _rows(name: str, table: Table) -> dict[str, Any]:
    return {"type": "array", "description": table.description, "items": {"$ref": f"#/$defs/{name}"}}


def _strict(required: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(required),
        "properties": required,
    }


_LEVEL = _strict({"level": {"type": "string"}, "label": {"type": "string"}})
_CONTRIBUTION = _strict(
    {
        "kind": {"enum": ["measure", "membership"]},
        "id": {"type": "string"},
        "title": {"type": "string"},
        "date": {"type": ["string", "null"]},
        "link_level": {"type": "string"},
        "rationale": {"type": "string"},
        "confidence": {"type": "string"},
        "disputed": {"type": "boolean"},
        "decisive": {"type": "boolean"},
        "sources": {"type": "array", "items": {"type": "string"}},
        "disputed_by": {"type": "array", "items": {"type": "string"}},
    }
)
ASSESSMENT = _strict(
    {
        "actor": {"type": "string"},
        "provision": {"type": "string"},
        "as_of": {"type": "string", "format": "date"},
        "level": {"type": "string"},
        "label": {"type": "string"},
        "score": {"type": ["integer", "null"]},
        "derived": {"type": "boolean"},
        "confidence": {"type": ["string", "null"]},
        "methodology": {"type": "string"},
        "explanation": _strict(
            {
                "rule": {"type": "string"},
                "text": {"type": "string"},
                "measures": {"type": "array", "items": _CONTRIBUTION},
                "memberships": {"type": "array", "items": _CONTRIBUTION},
                "override": {"type": ["object", "null"]},
            }
        ),
    }
)
CHANGE = _strict(
    {
        "id": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "actor": {"type": "string"},
        "provision": {"type": "string"},
        "before": _LEVEL,
        "after": _LEVEL,
        "causes": {"type": "array", "items": {"type": "string"}},
        "methodology": {"type": "string"},
    }
)


def export_schema() -> dict[str, Any]:
    """Give the JSON Schema (draft 2020-12) of the JSON export."""
    tables = build_tables(Snapshot(), [])
    properties: dict[str, Any] = {
        "$schema": {"type": "string"},
        "licence": _strict(
            {
                "id": {"const": "CC-BY-4.0"},
                "url": {"type": "string"},
                "attribution": {"type": "string"},
            }
        ),
        "edition": {"type": ["string", "null"]},
        "as_of": {"type": "string", "format": "date"},
        "methodology": {"type": "string"},
    }
    for name, table in tables.items():
        if name != "assessments":
            properties[name] = _rows(name, table)
    properties["assessments"] = {"type": "array", "items": ASSESSMENT}
    properties["changes"] = {"type": "array", "items": CHANGE}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "/static/exports/export.schema.json",
        "title": "mercwatch data export",
        "description": "The whole mercwatch dataset; data under CC BY 4.0.",
        **_strict(properties),
        # Every table's row, the `assessments` table of the tabular formats too: the codebook.
        "$defs": {name: _row(table) for name, table in tables.items()},
    }
