"""CSV and XLSX: re-read by their own readers, counts equal the database's, formulas inert."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from django.apps import apps

from mercwatch.exports.services import export
from mercwatch.exports.tables import STORED

MODELS = {
    "frameworks": "tracker.Framework",
    "provisions": "tracker.Provision",
    "actors": "tracker.Actor",
    "aliases": "tracker.Alias",
    "memberships": "tracker.Membership",
    "sources": "tracker.Source",
    "measures": "tracker.Measure",
    "measure_events": "tracker.MeasureEvent",
    "links": "tracker.Link",
    "targets": "tracker.Target",
    "overrides": "tracker.Override",
    "relationships": "market.Relationship",
    "products": "market.Product",
    "citations": "tracker.Citation",
    "editions": "workflow.Edition",
    "methodologies": "tracker.Methodology",
}


def db_count(table: str) -> int:
    return int(apps.get_model(MODELS[table])._default_manager.count())


def test_every_stored_table_maps_to_a_model():
    assert set(MODELS) == set(STORED)


@pytest.mark.django_db
def test_csv_row_counts_equal_the_database(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    for table in STORED:
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        assert len(rows) - 1 == db_count(table), table
        assert all(len(r) == len(rows[0]) for r in rows), table
    assert db_count("relationships") == 2
    assert db_count("products") == 1


@pytest.mark.django_db
def test_csv_is_utf8_with_crlf_line_ends(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    raw = (tmp_path / "csv" / "actors.csv").read_bytes()
    raw.decode("utf-8")
    assert raw.count(b"\r\n") >= 5
    assert b"\n" not in raw.replace(b"\r\n", b"")


@pytest.mark.django_db
def test_csv_cells_that_start_a_formula_are_neutralised(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "actors.csv").open(encoding="utf-8", newline="") as f:
        vendor = next(r for r in csv.DictReader(f) if r["id"] == "vendor-two")
    assert vendor["name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert vendor["description"] == "'@SUM(A1:A9) +1 -1"


@pytest.mark.django_db
def test_xlsx_has_a_readme_and_one_sheet_per_table_with_the_database_counts(bundle, tmp_path):
    export(bundle, "xlsx", tmp_path / "data.xlsx")
    book = openpyxl.load_workbook(tmp_path / "data.xlsx", read_only=True)
    assert book.sheetnames[0] == "README"
    for table in STORED:
        assert book[table].max_row - 1 == db_count(table), table
    readme = "\n".join(str(r[0]) for r in book["README"].iter_rows(values_only=True) if r[0])
    assert "CC BY 4.0" in readme


@pytest.mark.django_db
def test_xlsx_cells_that_start_a_formula_are_text_not_formulas(bundle, tmp_path):
    export(bundle, "xlsx", tmp_path / "data.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "data.xlsx")["actors"]
    names = [c.value for c in sheet["C"]]
    evil = next(n for n in names if "HYPERLINK" in str(n))
    assert evil.startswith("'=")
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


@pytest.mark.django_db
def test_csv_readme_states_the_data_licence(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "README.txt").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
