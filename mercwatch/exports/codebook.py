"""The codebook: every exported table and column, its type, meaning and allowed values.

Read from the export schema (`schema.export_schema()`, shipped as export.schema.json), so the
codebook says exactly what the schema checks; the methodology adds its levels and grades.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.schema import PARTIAL_DATE, export_schema
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.services.assessments import methodology_of

FILENAME = "codebook.md"


@dataclass(frozen=True)
class Entry:
    """One column as the codebook describes it."""

    name: str
    type: str
    meaning: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableEntry:
    """One table: its name, what it holds and its columns, key first."""

    name: str
    description: str
    columns: tuple[Entry, ...]


def _type(spec: dict[str, Any]) -> str:
    if spec.get("minLength") == 1:
        return _("text, the key")
    kinds = spec.get("type")
    if kinds == ["integer", "null"]:
        return _("integer")
    if kinds == "boolean":
        return _("boolean (true or false)")
    if any(o.get("pattern") == PARTIAL_DATE for o in spec.get("anyOf", [])):
        return _("partial date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if "oneOf" in spec:
        return _("code")
    return _("text")


def tables(schema: dict[str, Any]) -> list[TableEntry]:
    """Give every table the schema defines, in the export's order."""
    found = []
    for name, row in schema["$defs"].items():
        columns = tuple(
            Entry(
                column,
                _type(spec),
                spec.get("description", ""),
                tuple((o["const"], o["title"]) for o in spec.get("oneOf", []) if "const" in o),
            )
            for column, spec in row["properties"].items()
        )
        found.append(TableEntry(name, row["description"], columns))
    return found


def levels(method: MethodologyFile) -> list[tuple[str, str, str]]:
    """Give the methodology's levels and confidence grades: (code, label, description)."""
    found = [(x.code, x.label, x.description) for x in method.levels]
    return found + [(x.code, x.label, x.description) for x in method.confidence]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def markdown(schema: dict[str, Any], method: MethodologyFile) -> str:
    """Give the codebook as a Markdown document (the file shipped in every package)."""
    lines = [
        f"# {_('mercwatch codebook')}",
        "",
        _(
            "Every table of the tabular exports (CSV, XLSX, data package, SQLite, and the lists "
            "of the JSON export) and every column: its type, meaning and allowed values. "
            "An empty cell is a missing value. A partial date is followed by a `_precision` "
            "column saying how much of it is known."
        ),
        "",
    ]
    for table in tables(schema):
        lines += [f"## {table.name}", "", table.description, ""]
        lines += [f"| {_('column')} | {_('type')} | {_('meaning')} | {_('allowed values')} |"]
        lines += ["|---|---|---|---|"]
        for c in table.columns:
            values = "; ".join(f"`{v}` ({label})" for v, label in c.values)
            lines.append(f"| `{c.name}` | {c.type} | {_cell(c.meaning)} | {values} |")
        lines.append("")
    lines += [
        f"## {_('Levels and confidence grades')} ({_('methodology')} {method.version})",
        "",
        _("The codes of `level`, `links.level`, `overrides.level` and `confidence`."),
        "",
        f"| {_('code')} | {_('label')} | {_('meaning')} |",
        "|---|---|---|",
        *(f"| `{code}` | {_cell(label)} | {_cell(text)} |" for code, label, text in levels(method)),
        "",
    ]
    return "\n".join(lines)


def codebook_of(bundle: Bundle) -> bytes:
    """Give the codebook file of an export, with the levels of its methodology."""
    method = methodology_of(bundle.whole, bundle.methodology)
    return markdown(export_schema(), method).encode("utf-8")
