"""CSV: one UTF-8, RFC 4180 file per table, plus a README naming the licence."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.utils.translation import gettext_lazy

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.codebook import FILENAME as CODEBOOK
from mercwatch.exports.codebook import codebook_of
from mercwatch.exports.licence import ATTRIBUTION, LICENCE_TITLE, LICENCE_URL
from mercwatch.exports.registry import Exporter, register
from mercwatch.exports.safe import neutralise
from mercwatch.exports.tables import Table


def table_csv(table: Table) -> bytes:
    """Give a table as RFC 4180 CSV (CRLF line ends), formula-like cells neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow(["" if v is None else _text(neutralise(v)) for v in row])
    return buffer.getvalue().encode("utf-8")


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def readme(bundle: Bundle) -> str:
    """Give the plain-text README every tabular export carries: what it is, and its licence."""
    lines = [
        f"mercwatch data export – {bundle.label} (as of {bundle.as_of.isoformat()}, "
        f"methodology {bundle.methodology})",
        "",
        f"Licence: {LICENCE_TITLE} ({LICENCE_URL})",
        ATTRIBUTION,
        "",
        f"Every table and column, its type, meaning and allowed values: {CODEBOOK}",
        "",
        "Tables:",
        *(f"  {t.name}: {t.description} ({len(t.rows)} rows)" for t in bundle.tables.values()),
        "",
    ]
    return "\n".join(lines)


def write_tables(bundle: Bundle, out: Path) -> None:
    """Write each table as `<name>.csv`, a README.txt and the codebook into the directory `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for table in bundle.tables.values():
        (out / f"{table.name}.csv").write_bytes(table_csv(table))
    (out / "README.txt").write_text(readme(bundle), encoding="utf-8", newline="\n")
    (out / CODEBOOK).write_bytes(codebook_of(bundle))


register(
    Exporter(
        name="csv",
        title=gettext_lazy("CSV, one file per table"),
        filename="mercwatch-{label}-csv",
        media_type="text/csv",
        write=write_tables,
        directory=True,
    )
)
