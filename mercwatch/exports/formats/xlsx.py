"""XLSX: one sheet per table plus a README sheet, with fixed metadata so bytes never drift."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.codebook import tables
from mercwatch.exports.formats.csv_tables import readme
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.safe import neutralise
from mercwatch.exports.schema import export_schema
from mercwatch.exports.zipfiles import rezip

MAX_CELL = 32767  # Excel's limit on the characters in a cell


def workbook(bundle: Bundle) -> Workbook:
    """Give the workbook: a README sheet, one sheet per table, then the codebook."""
    book = Workbook()
    sheet = book.active
    sheet.title = "README"
    for line in readme(bundle).splitlines():
        sheet.append([line])
    stamp = dt.datetime.combine(bundle.as_of, dt.time())
    book.properties.creator = "mercwatch"
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.lastModifiedBy = "mercwatch"
    for table in bundle.tables.values():
        ws = book.create_sheet(table.name[:31])
        ws.append([c.name for c in table.columns])
        for row in table.rows:
            ws.append([_cell(v) for v in row])
    _codebook(book.create_sheet("codebook"))
    return book


def _codebook(sheet: Worksheet) -> None:
    """Fill the codebook sheet: one row per column of every table."""
    sheet.append(["table", "column", "type", "meaning", "allowed values"])
    for table in tables(export_schema()):
        for c in table.columns:
            values = "; ".join(f"{v} ({label})" for v, label in c.values)
            sheet.append([table.name, c.name, c.type, c.meaning, values])


def _cell(value: object) -> object:
    value = neutralise(value)  # type: ignore[arg-type]
    if isinstance(value, str) and len(value) > MAX_CELL:
        return value[: MAX_CELL - 1] + "…"
    return value


def write_xlsx(bundle: Bundle, out: Path) -> None:
    """Write the workbook to `out`, its zip entries dated to a fixed time."""
    buffer = io.BytesIO()
    workbook(bundle).save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    stamp = f"{bundle.as_of.isoformat()}T00:00:00Z".encode()

    def fix(name: str, content: bytes) -> bytes:
        # openpyxl stamps the save time as `modified`: use the export's date instead.
        if name != "docProps/core.xml":
            return content
        return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)

    out.write_bytes(rezip(buffer.getvalue(), fix))


register(
    Exporter(
        name="xlsx",
        title=gettext_lazy("Excel workbook, one sheet per table"),
        filename="mercwatch-{label}.xlsx",
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        write=write_xlsx,
    )
)
