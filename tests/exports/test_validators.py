"""Each export checked by its format's own validator."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import feedparser
import jsonschema
import openpyxl
import pytest
from datasette.app import Datasette
from followthemoney import model

from mercwatch.exports.formats.json_dump import SCHEMA_PATH
from mercwatch.exports.schema import export_schema
from mercwatch.exports.services import export
from mercwatch.exports.validate import problems

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.django_db


def test_json_is_valid_against_the_published_json_schema(bundle, tmp_path):
    export(bundle, "json", tmp_path / "data.json")
    doc = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    assert problems("json", tmp_path / "data.json") == []
    assert doc["licence"]["id"] == "CC-BY-4.0"
    assert doc["assessments"][0]["explanation"]["rule"]


def test_json_schema_rejects_an_unknown_field(bundle, tmp_path):
    export(bundle, "json", tmp_path / "data.json")
    doc = json.loads((tmp_path / "data.json").read_text(encoding="utf-8"))
    doc["actors"][0]["colour"] = "red"
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


def test_published_json_schema_is_the_one_built_from_the_tables():
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == export_schema()


def test_frictionless_reports_the_data_package_valid(bundle, tmp_path):
    export(bundle, "datapackage", tmp_path / "pkg")
    assert problems("datapackage", tmp_path / "pkg") == []
    cli = subprocess.run(
        [BIN / "frictionless", "validate", tmp_path / "pkg" / "datapackage.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 0, cli.stdout[-2000:]
    descriptor = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    measures = next(r for r in descriptor["resources"] if r["name"] == "measures")
    assert measures["schema"]["primaryKey"] == ["id"]
    assert {"fields": "actor", "reference": {"resource": "actors", "fields": "id"}} in measures[
        "schema"
    ]["foreignKeys"]


def test_frictionless_finds_a_broken_foreign_key(bundle, tmp_path):
    export(bundle, "datapackage", tmp_path / "pkg")
    path = tmp_path / "pkg" / "measures.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",US,", ",XX,", 1), encoding="utf-8")
    assert problems("datapackage", tmp_path / "pkg") != []


def test_ftm_entities_validate_through_the_model_and_ftm_reads_the_file(bundle, tmp_path):
    export(bundle, "ftm", tmp_path / "data.ftm.json")
    assert problems("ftm", tmp_path / "data.ftm.json") == []
    lines = (tmp_path / "data.ftm.json").read_text(encoding="utf-8").splitlines()
    schemata = set()
    for line in lines:
        proxy = model.get_proxy(json.loads(line), cleaned=False)
        schemata.add(proxy.schema.name)
        assert proxy.get("publisherUrl") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert {"Company", "PublicBody", "Sanction", "Ownership", "UnknownLink"} <= schemata
    run = subprocess.run(
        [BIN / "ftm", "validate", "-i", tmp_path / "data.ftm.json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(run.stdout.splitlines()) == len(lines)


def test_stix_validator_reports_no_error(bundle, tmp_path):
    export(bundle, "stix", tmp_path / "bundle.json")
    assert problems("stix", tmp_path / "bundle.json") == []
    doc = json.loads((tmp_path / "bundle.json").read_text(encoding="utf-8"))
    types = {o["type"] for o in doc["objects"]}
    assert {"identity", "relationship", "report", "malware", "marking-definition"} <= types
    marking = next(o for o in doc["objects"] if o["type"] == "marking-definition")
    assert "CC BY 4.0" in marking["definition"]["statement"]


def test_sqlite_is_clean_and_opens_read_only_and_in_datasette(bundle, tmp_path):
    path = tmp_path / "mercwatch.sqlite"
    export(bundle, "sqlite", path)
    assert problems("sqlite", path) == []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert db.execute("SELECT value FROM licence WHERE key = 'licence'").fetchone() == (
        "CC-BY-4.0",
    )
    fks = db.execute("PRAGMA foreign_key_list(measures)").fetchall()
    assert ("actors", "actor", "id") in {(f[2], f[3], f[4]) for f in fks}
    indexes = {r[1] for r in db.execute("PRAGMA index_list(measures)")}
    assert "measures_actor" in indexes
    count = db.execute("SELECT count(*) FROM measures").fetchone()[0]
    db.close()

    async def fetch() -> list[dict[str, object]]:
        ds = Datasette([str(path)], immutables=[])
        await ds.invoke_startup()
        response = await ds.client.get("/mercwatch/measures.json?_shape=array&_size=max")
        assert response.status_code == 200
        return response.json()  # type: ignore[no-any-return]

    assert len(asyncio.run(fetch())) == count


def test_atom_feed_parses_and_its_ids_are_stable(bundle, tmp_path):
    export(bundle, "atom", tmp_path / "one.atom")
    export(bundle, "atom", tmp_path / "two.atom")
    assert problems("atom", tmp_path / "one.atom") == []
    one = feedparser.parse(str(tmp_path / "one.atom"))
    two = feedparser.parse(str(tmp_path / "two.atom"))
    assert not one.bozo, one.get("bozo_exception")
    assert one.entries
    assert [e.id for e in one.entries] == [e.id for e in two.entries]
    assert all(e.id.startswith("tag:mercwatch,") for e in one.entries)
    assert "CC BY 4.0" in one.feed.rights


def test_an_atom_feed_without_changes_is_dated_by_the_export_not_the_clock(market_db, tmp_path):
    from mercwatch.exports.bundle import bundle_for
    from mercwatch.store.current import current_snapshot

    early = bundle_for(current_snapshot(), as_of=dt.date(1990, 1, 1))
    export(early, "atom", tmp_path / "one.atom")
    feed = feedparser.parse(str(tmp_path / "one.atom"))
    assert not feed.bozo
    assert feed.entries == []
    assert feed.feed.updated.startswith("1990-01-01")


def test_every_csv_table_reads_whole_and_openpyxl_opens_the_workbook(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    assert problems("csv", tmp_path / "csv") == []
    export(bundle, "xlsx", tmp_path / "data.xlsx")
    assert problems("xlsx", tmp_path / "data.xlsx") == []
    assert "measures" in openpyxl.load_workbook(tmp_path / "data.xlsx", read_only=True).sheetnames


@pytest.mark.parametrize("name", ["csv", "xlsx", "json", "datapackage", "ftm", "stix", "sqlite"])
def test_each_validator_finds_a_file_that_is_not_of_its_format(name, tmp_path):
    path = tmp_path / "broken"
    path.write_bytes(b"not a file of any format")
    assert problems(name, path) != []


def test_a_row_with_a_cell_too_many_is_found_in_a_csv_table(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv")
    table = next((tmp_path / "csv").rglob("measures.csv"))
    table.write_text(table.read_text(encoding="utf-8") + "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p\n")
    assert any(p.startswith("measures.csv: ") for p in problems("csv", tmp_path / "csv"))
