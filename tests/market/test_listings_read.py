"""Listings everywhere they are read: the files and the database, the validator, the engine
(never), every export (marked as candidates) and the site ("not yet reviewed")."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from mercwatch.exports.bundle import bundle_for
from mercwatch.exports.services import export
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.services.assessments import assess
from mercwatch.tracker.validator import validate
from tests.market.galaxy import HOLDINGS, VENDOR_ONE

pytestmark = pytest.mark.django_db
WORDS = "listed by the MISP galaxy, not yet reviewed"


def test_the_files_and_the_database_give_the_same_listings(mini_db, mini_dir):
    files = check_dir(mini_dir).snapshot.listings
    assert list(files) == [VENDOR_ONE, HOLDINGS]
    assert current_snapshot().listings == files


def test_a_listing_must_name_a_curated_actor_and_entries_of_its_own_inventory(mini_dir):
    data = check_dir(mini_dir).snapshot
    broken = replace(data.listings[VENDOR_ONE], actor="no-such-vendor")
    tie = replace(broken.ties[0], object="00000000-0000-4000-8000-000000000000")
    problems = validate(
        replace(data, listings={**data.listings, VENDOR_ONE: replace(broken, ties=(tie,))})
    )
    reasons = {(p.kind, p.loc, p.reason) for p in problems}
    assert ("listing", ("actor",), "unknown actor 'no-such-vendor'") in reasons
    assert any(p.loc == ("ties", 0, "object") for p in problems)


def test_no_measure_may_target_a_listing(mini_dir, write):
    write(
        "measures/US/listed.yaml",
        "measures:\n  - id: us-listed\n    type: designation\n    title: A designation\n"
        "    summary: Of a listed entry.\n    date: '2024'\n    sources: [src-press]\n"
        f"    targets:\n      - actor: {HOLDINGS}\n        role: designated\n",
    )
    errors = [str(e) for e in check_dir(mini_dir).errors]
    assert len(errors) == 1
    assert "measures/US/listed.yaml" in errors[0]
    assert "an imported listing, not yet reviewed" in errors[0]


def test_candidates_are_never_scored(mini_dir):
    data = check_dir(mini_dir).snapshot
    assert data.listings
    day = dt.date(2026, 1, 1)
    assert assess(data, as_of=day) == assess(replace(data, listings={}), as_of=day)
    # Even a listing matched to a government is not one of its measures.
    matched = replace(data.listings[HOLDINGS], actor="US")
    with_match = replace(data, listings={**data.listings, HOLDINGS: matched})
    assert validate(with_match) == []
    assert assess(with_match, as_of=day) == assess(data, as_of=day)


@pytest.fixture
def bundle(mini_db, db):
    return bundle_for(current_snapshot(), as_of=dt.date(2026, 1, 15))


def test_every_export_marks_the_listings_as_candidates(bundle, tmp_path):
    export(bundle, "csv", tmp_path / "csv.zip")
    export(bundle, "json", tmp_path / "data.json")
    export(bundle, "xlsx", tmp_path / "data.xlsx")
    export(bundle, "sqlite", tmp_path / "data.sqlite")
    export(bundle, "datapackage", tmp_path / "pkg")
    export(bundle, "ftm", tmp_path / "data.ftm.json")
    export(bundle, "stix", tmp_path / "data.stix.json")

    doc = json.loads((tmp_path / "data.json").read_text())
    assert {(r["id"], r["status"], r["note"]) for r in doc["listings"]} == {
        (VENDOR_ONE, "candidate", WORDS),
        (HOLDINGS, "candidate", WORDS),
    }
    assert doc["listed_ties"][0]["kind"] == "subsidiary"

    with sqlite3.connect(tmp_path / "data.sqlite") as db:
        rows = db.execute("SELECT status, note FROM listings").fetchall()
    assert rows == [("candidate", WORDS)] * 2

    sheet = load_workbook(tmp_path / "data.xlsx", read_only=True)["listings"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    status = values[0].index("status")
    assert {r[status] for r in values[1:]} == {"candidate"}

    [package_csv] = (tmp_path / "pkg").rglob("listings.csv")
    with package_csv.open(encoding="utf-8") as file:
        assert {r["status"] for r in csv.DictReader(file)} == {"candidate"}

    ftm = [json.loads(line) for line in (tmp_path / "data.ftm.json").read_text().splitlines()]
    listed = [e for e in ftm if e["id"].startswith("mw-listing-")]
    assert len(listed) == 2
    assert all(WORDS in e["properties"]["summary"][0] for e in listed)

    stix = json.loads((tmp_path / "data.stix.json").read_text())
    names = {"Vendor One Ltd", "Listed Holdings"}
    identities = [o for o in stix["objects"] if o["type"] == "identity" and o["name"] in names]
    assert len(identities) == 2
    assert all(o["description"].startswith("Candidate: " + WORDS) for o in identities)


def test_the_codebook_describes_the_listings(bundle):
    columns = {c.name: c for c in bundle.tables["listings"].columns}
    assert "never used for scoring" in columns["status"].description
    assert bundle.tables["listings"].description.startswith("Candidates")


def test_the_pages_say_listed_and_not_yet_reviewed(mini_db, client):
    listed = client.get("/vendors/listed/")
    assert listed.status_code == 200
    text = listed.content.decode()
    assert "2 entries listed by the MISP galaxy, not yet reviewed" in text
    assert "Listed Holdings" in text

    one = client.get(f"/vendors/listed/{HOLDINGS}/").content.decode()
    assert "Listed by the MISP galaxy, not yet reviewed" in one
    assert "Country, as the inventory gives it: Israel" in one

    twin = client.get(f"/vendors/listed/{VENDOR_ONE}.json").json()
    assert (twin["status"], twin["reviewed"], twin["actor"]) == ("candidate", False, "vendor-one")

    vendor = client.get("/vendors/vendor-one/").content.decode()
    assert "Also listed by the MISP galaxy as" in vendor
    assert "(not yet reviewed)" in vendor
    assert client.get("/vendors/listed/no-such-entry/").status_code == 404
    directory = client.get("/vendors/").content.decode()
    assert "Vendors listed by the MISP galaxy, not yet reviewed" in directory
