"""The codebook and partial dates: every exported column documented, dates with their precision."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile

import openpyxl
import pytest

from mercwatch.exports.codebook import FILENAME, tables
from mercwatch.exports.formats.json_dump import SCHEMA_PATH
from mercwatch.exports.services import build_downloads, export

pytestmark = pytest.mark.django_db


def _codebook_columns(text: str) -> set[tuple[str, str]]:
    """Give (table, column) for every row of the codebook's Markdown tables."""
    found, table = set(), ""
    for line in text.splitlines():
        if line.startswith("## Levels"):
            break
        if line.startswith("## "):
            table = line[3:]
        elif match := re.match(r"^\| `([a-z_0-9]+)` \| ", line):
            found.add((table, match.group(1)))
    return found


def test_the_codebook_has_every_column_of_every_exported_table_and_no_other(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    exported = set()
    for path in (tmp_path / "csv").glob("*.csv"):
        header = next(csv.reader(path.open(encoding="utf-8", newline="")))
        exported |= {(path.stem, column) for column in header}
    export(bundle, "sqlite", tmp_path / "x.sqlite")
    db = sqlite3.connect(tmp_path / "x.sqlite")
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    in_sqlite = {
        (n, r[1]) for n in names if n != "licence" for r in db.execute(f'PRAGMA table_info("{n}")')
    }
    db.close()
    documented = _codebook_columns((tmp_path / "csv" / FILENAME).read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    from_schema = {(t.name, c.name) for t in tables(schema) for c in t.columns}
    assert exported == documented == from_schema == in_sqlite
    assert ("measures", "date_precision") in documented


def test_every_codebook_column_has_a_meaning_and_coded_columns_their_values():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    columns = {(t.name, c.name): c for t in tables(schema) for c in t.columns}
    assert [k for k, c in columns.items() if not c.meaning] == []
    assert ("designated", "Designated") in columns["targets", "role"].values
    assert ("disputes", "Disputes") in columns["citations", "stance"].values
    assert ("vendor", "Vendor") in columns["actors", "kind"].values
    assert ("owner", "Owner of or investor in") in columns["relationships", "kind"].values
    assert [v for v, _ in columns["measures", "date_precision"].values] == ["year", "month", "day"]


def test_the_codebook_lists_the_methodology_levels(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / FILENAME).read_text(encoding="utf-8")
    assert "Levels and confidence grades (methodology 2026.1)" in text
    assert "| `high` | High |" in text


def test_every_package_ships_the_codebook(bundle, tmp_path):
    for item in build_downloads(bundle, tmp_path):
        if item.media_type == "application/zip":
            with zipfile.ZipFile(tmp_path / bundle.label / item.filename) as z:
                assert FILENAME in z.namelist(), item.format
    book = openpyxl.load_workbook(tmp_path / bundle.label / f"mercwatch-{bundle.label}.xlsx")
    rows = list(book["codebook"].iter_rows(values_only=True))
    assert ("measures", "date_precision") in {(r[0], r[1]) for r in rows}


def test_partial_dates_are_a_value_and_a_precision_in_every_tabular_format(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "measures.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert (rows["acme-report-2022"]["date"], rows["acme-report-2022"]["date_precision"]) == (
        "2022-03",
        "month",
    )
    assert rows["us-temporary-rule"]["date_precision"] == "year"
    export(bundle, "sqlite", tmp_path / "x.sqlite")
    db = sqlite3.connect(tmp_path / "x.sqlite")
    query = "SELECT date, date_precision FROM measures WHERE id = 'acme-report-2022'"
    assert db.execute(query).fetchone() == ("2022-03", "month")
    db.close()
    export(bundle, "xlsx", tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx")["measures"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "acme-report-2022")
    assert row[header.index("date_precision")] == "month"
    export(bundle, "json", tmp_path / "x.json")
    doc = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    report = next(m for m in doc["measures"] if m["id"] == "acme-report-2022")
    assert report["date_precision"] == "month"


def test_the_data_package_declares_precisions_and_methodology_versions(bundle, tmp_path):
    export(bundle, "datapackage", tmp_path / "pkg")
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        (r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]
    }
    assert fields["measures", "date_precision"]["constraints"] == {"enum": ["year", "month", "day"]}
    for key in (("editions", "methodology"), ("assessments", "methodology")):
        assert fields[key]["type"] == "string"
        assert fields[key]["constraints"] == {"pattern": r"\d{4}\.\d+"}
    assert all(f["description"] for f in fields.values())
    text = (tmp_path / "pkg" / "measures.csv").read_text(encoding="utf-8")
    broken = text.replace(",month,", ",week,", 1)
    assert broken != text
    (tmp_path / "pkg" / "measures.csv").write_text(broken, encoding="utf-8")
    from frictionless import validate

    assert not validate(str(tmp_path / "pkg" / "datapackage.json")).valid
