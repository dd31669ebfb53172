"""An edition's exports hold the records as known on its date, in files named after it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import feedparser
import openpyxl
import pytest
from django.core.management import call_command

from mercwatch.core.partial_dates import PartialDate
from mercwatch.exports.as_of import records_as_of
from mercwatch.exports.bundle import bundle_for
from mercwatch.exports.formats.ftm import entity_id
from mercwatch.exports.formats.stix import stix_id
from mercwatch.exports.registry import exporters
from mercwatch.exports.services import build_downloads
from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.snapshot import Snapshot

BASELINE = "2023-11-blueprint-baseline"
BASELINE_DAY = dt.date(2023, 11, 10)


@pytest.fixture(scope="module")
def built(bundled_data: Snapshot, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format of every bundled edition, as the Downloads page serves them."""
    root = tmp_path_factory.mktemp("downloads")
    for edition in bundled_data.editions:
        build_downloads(bundle_for(bundled_data, edition=edition.id), root)
    return root


def later(data: Snapshot, day: dt.date) -> dict[str, list[str]]:
    """Give the measures (with their targets) of which nothing had come by `day`."""
    return {
        mid: [t.actor for t in m.targets]
        for mid, m in data.measures.items()
        if all(d.last_day() > day for d in [m.date, *(e.date for e in m.events)])
    }


def _csv_ids(archive: bytes, member: str) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        name = next(n for n in z.namelist() if n.endswith(member))
        return {r["id"] for r in csv.DictReader(io.StringIO(z.read(name).decode("utf-8")))}


def _sqlite_ids(path: Path) -> set[str]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in db.execute("SELECT id FROM measures")}
    finally:
        db.close()


def _xlsx_ids(path: Path) -> set[str]:
    sheet = openpyxl.load_workbook(path, read_only=True)["measures"]
    return {str(r[0]) for r in sheet.iter_rows(min_row=2, values_only=True)}


# Each format's measure IDs (or, for FtM and STIX, entity IDs), read back from its file.
MEASURE_IDS: dict[str, Callable[[Path], set[str]]] = {
    "csv": lambda p: _csv_ids(p.read_bytes(), "measures.csv"),
    "datapackage": lambda p: _csv_ids(p.read_bytes(), "measures.csv"),
    "json": lambda p: {m["id"] for m in json.loads(p.read_text(encoding="utf-8"))["measures"]},
    "xlsx": _xlsx_ids,
    "sqlite": _sqlite_ids,
    "ftm": lambda p: {json.loads(x)["id"] for x in p.read_text(encoding="utf-8").splitlines()},
    "stix": lambda p: {o["id"] for o in json.loads(p.read_text(encoding="utf-8"))["objects"]},
}


def _forbidden(fmt: str, found: dict[str, list[str]]) -> set[str]:
    if fmt == "ftm":
        return {entity_id(mid, actor) for mid, actors in found.items() for actor in actors}
    if fmt == "stix":
        ids = {stix_id("report", mid) for mid in found}
        return ids | {stix_id("relationship", m, a) for m, actors in found.items() for a in actors}
    return set(found)


def test_every_file_of_every_edition_is_named_after_its_edition(bundled_data, built):
    for edition in bundled_data.editions:
        files = sorted(p.name for p in (built / edition.id).iterdir() if p.name != "manifest.json")
        assert len(files) == len(exporters())
        assert all(name.startswith(f"mercwatch-{edition.id}") for name in files), files


@pytest.mark.parametrize("fmt", sorted(MEASURE_IDS))
def test_no_edition_file_holds_a_measure_later_than_its_date(bundled_data, built, fmt):
    exporter = exporters()[fmt]
    for edition in bundled_data.editions:
        found = later(bundled_data, edition.as_of)
        ids = MEASURE_IDS[fmt](built / edition.id / exporter.filename_for(edition.id))
        assert ids, (fmt, edition.id)
        assert ids & _forbidden(fmt, found) == set(), (fmt, edition.id)
    baseline = MEASURE_IDS[fmt](built / BASELINE / exporter.filename_for(BASELINE))
    assert baseline & _forbidden(fmt, later(bundled_data, BASELINE_DAY)) == set()
    assert len(later(bundled_data, BASELINE_DAY)) >= 30  # the bundled data has later measures


def test_the_baseline_edition_files_differ_from_the_latest_in_every_format(bundled_data, built):
    latest = max(bundled_data.editions, key=lambda e: e.as_of).id
    for fmt, exporter in exporters().items():
        old = (built / BASELINE / exporter.filename_for(BASELINE)).read_bytes()
        new = (built / latest / exporter.filename_for(latest)).read_bytes()
        assert old != new, fmt


def test_the_baseline_csv_and_ftm_hold_no_date_after_the_baseline(bundled_data, tmp_path):
    root = Path(__file__).resolve().parents[2] / "data"
    for fmt in ("csv", "ftm"):
        call_command(
            "export", fmt, "--data", str(root), "--edition", BASELINE, "--out", str(tmp_path / fmt)
        )
    for table, column in (("measures", "date"), ("measure_events", "date"),
                          ("memberships", "since"), ("relationships", "since")):  # fmt: skip
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            dates = [PartialDate.parse(r[column]) for r in csv.DictReader(f) if r[column]]
        assert dates, table
        assert max(d.last_day() for d in dates) <= BASELINE_DAY, table
    for line in (tmp_path / "ftm").read_text(encoding="utf-8").splitlines():
        props = json.loads(line)["properties"]
        for value in props.get("startDate", []) + props.get("endDate", []):
            assert PartialDate.parse(value).first_day() <= BASELINE_DAY, props


def test_the_baseline_atom_feed_has_no_entry_after_the_baseline(built):
    path = built / BASELINE / exporters()["atom"].filename_for(BASELINE)
    feed = feedparser.parse(str(path))
    assert feed.entries
    assert max(e.updated[:10] for e in feed.entries) <= BASELINE_DAY.isoformat()


def test_records_as_of_keep_what_had_begun_and_drop_later_ends_and_events(market_dir):
    data = check_dir(market_dir).snapshot
    day = dt.date(2022, 6, 1)
    known = records_as_of(data, day)
    assert "us-disputed-contract" not in known.measures  # dated 2024-05
    assert "acme-report-2022" in known.measures  # dated 2022-03
    events = [str(e.date) for e in known.measures["us-temporary-rule"].events]
    assert events == ["2022-03", "2022-06-01"]  # the repeal of 2023-01-10 had not come
    assert known.memberships["joint-statement"] == ()  # since 2023-03-30
    assert "src-denial" not in known.sources  # cited only by the measure of 2024-05
    assert "src-denial" in data.sources
    assert set(known.actors) == set(data.actors)


def test_an_end_after_the_edition_date_is_not_shown(market_dir, write):
    write(
        "actors/vendors/vendor-three.yaml",
        "id: vendor-three\nkind: vendor\nname: Vendor Three\nrelationships:\n"
        "  - kind: owner\n    object: vendor-one\n    since: '2019'\n    until: 2023-02\n"
        "    sources:\n      - src-press\n",
    )
    checked = check_dir(market_dir)
    assert checked.errors == []
    data = checked.snapshot
    (tie,) = records_as_of(data, dt.date(2022, 6, 1)).actors["vendor-three"].relationships
    assert tie.until is None
    (tie,) = records_as_of(data, dt.date(2023, 2, 1)).actors["vendor-three"].relationships
    assert str(tie.until) == "2023-02"


@pytest.mark.django_db
def test_a_frozen_editions_files_are_built_again_byte_for_byte_from_its_stored_data(market_db):
    from mercwatch.workflow import editions

    frozen = editions.freeze(title="January 2022", view="2022-01")
    stored = {f.format: f.sha256 for f in frozen.files.all()}
    assert set(stored) == set(exporters())
    again = editions.build_files(editions.bundle_of(frozen))
    assert {b.format: b.sha256 for b in again} == stored
    names = {f.format: f.filename for f in frozen.files.all()}
    assert names["json"] == f"mercwatch-{frozen.id}.json"
    assert frozen.id.startswith("2022-01-01-")
