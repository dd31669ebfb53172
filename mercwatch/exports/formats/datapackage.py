"""Frictionless data package: `datapackage.json` with field types and keys, beside the CSVs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.formats.csv_tables import readme, write_tables
from mercwatch.exports.formats.json_dump import dumps
from mercwatch.exports.licence import LICENCE_ID, LICENCE_TITLE, LICENCE_URL
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.schema import METHODOLOGY_VERSION, PARTIAL_DATE
from mercwatch.exports.tables import Column, Table


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "description": column.description}
    if column.type == "date":
        field.update(type="string", constraints={"pattern": PARTIAL_DATE.strip("^$")})
        field["description"] += ": YYYY, YYYY-MM or YYYY-MM-DD"
    elif column.type in {"integer", "boolean"}:
        field["type"] = column.type
    else:
        field["type"] = "string"
    if column.values:
        field["constraints"] = {"enum": [v for v, _label in column.values]}
    elif column.references == "methodologies":
        field["constraints"] = {"pattern": METHODOLOGY_VERSION.strip("^$")}
    return field


def resource(table: Table) -> dict[str, Any]:
    """Give the resource descriptor of one table: path, schema, primary and foreign keys."""
    foreign = [
        {
            "fields": c.name,
            "reference": {
                "resource": "" if c.references == table.name else c.references,
                "fields": _key_of(c.references or ""),
            },
        }
        for c in table.columns
        if c.references
    ]
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "primaryKey": [table.key],
        "missingValues": [""],
    }
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
        "schema": schema,
    }


def _key_of(table: str) -> str:
    return "version" if table == "methodologies" else "code" if table == "provisions" else "id"


def descriptor(bundle: Bundle) -> dict[str, Any]:
    """Give `datapackage.json`: the package, its licence and one resource per table."""
    resources = [resource(t) for t in bundle.tables.values()]
    return {
        "profile": "tabular-data-package",
        "name": "mercwatch",
        "title": f"mercwatch – {bundle.label}",
        "description": readme(bundle).splitlines()[0],
        "created": f"{bundle.as_of.isoformat()}T00:00:00Z",
        "licenses": [{"name": LICENCE_ID, "path": LICENCE_URL, "title": LICENCE_TITLE}],
        "resources": resources,
    }


def write_package(bundle: Bundle, out: Path) -> None:
    """Write `datapackage.json` beside the CSV export (tables, README.txt, codebook) in `out`."""
    write_tables(bundle, out)
    (out / "datapackage.json").write_bytes(dumps(descriptor(bundle)))


register(
    Exporter(
        name="datapackage",
        title=gettext_lazy("Frictionless data package"),
        filename="mercwatch-{label}-datapackage",
        media_type="application/json",
        write=write_package,
        directory=True,
    )
)
