"""JSON: the whole dataset in one file, valid against the JSON Schema mercwatch publishes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.licence import ATTRIBUTION, LICENCE_ID, LICENCE_URL
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.tables import Table

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "static" / "exports" / "export.schema.json"
SCHEMA_ID = "/static/exports/export.schema.json"


def licence() -> dict[str, str]:
    return {"id": LICENCE_ID, "url": LICENCE_URL, "attribution": ATTRIBUTION}


def records(table: Table) -> list[dict[str, Any]]:
    """Give a table's rows as objects keyed by column name."""
    names = [c.name for c in table.columns]
    return [dict(zip(names, row, strict=True)) for row in table.rows]


def document(bundle: Bundle) -> dict[str, Any]:
    """Give the whole export as one JSON-ready object, keys in a fixed order."""
    doc: dict[str, Any] = {
        "$schema": SCHEMA_ID,
        "licence": licence(),
        "edition": bundle.edition.id if bundle.edition else None,
        "as_of": bundle.as_of.isoformat(),
        "methodology": bundle.methodology,
    }
    for name, table in bundle.tables.items():
        if name != "assessments":
            doc[name] = records(table)
    doc["assessments"] = [a.as_dict() for a in bundle.assessments]
    doc["changes"] = [c.as_dict() for c in bundle.changes]
    return doc


def dumps(value: Any) -> bytes:
    """Give `value` as deterministic UTF-8 JSON text ending in a newline."""
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_json(bundle: Bundle, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(dumps(document(bundle)))


register(
    Exporter(
        name="json",
        title=gettext_lazy("JSON, the whole dataset"),
        filename="mercwatch-{label}.json",
        media_type="application/json",
        write=write_json,
    )
)
