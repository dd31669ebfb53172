"""Each export checked by its format's own validator: what the publishing gate runs on every
file of an edition, and what the tests run on every format.

`problems(name, path)` gives what the validator of format `name` finds wrong with the file (or
directory) at `path`, as sentences; an empty list when it passes. A zipped directory (the
Downloads page's csv and datapackage files) is checked unzipped.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

Check = Callable[[Path], list[str]]
MAX_SHOWN = 5  # problems named per file; the rest are counted


def _json(path: Path) -> list[str]:
    import jsonschema

    from mercwatch.exports.formats.json_dump import SCHEMA_PATH

    doc = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)
    ]


def _frictionless(report: object) -> list[str]:
    if report.valid:  # type: ignore[attr-defined]
        return []
    rows = report.flatten(["rowNumber", "fieldName", "type", "note"])  # type: ignore[attr-defined]
    return [" ".join(str(x) for x in row if x is not None) for row in rows]


def _datapackage(path: Path) -> list[str]:
    from frictionless import validate

    return _frictionless(validate(str(path / "datapackage.json")))


def _csv(path: Path) -> list[str]:
    """Each table read by Python's csv reader: UTF-8, a header of unique names, every row as
    wide as its header (the data package, which holds the same tables with their schema, is
    checked by frictionless)."""
    found: list[str] = []
    tables = sorted(path.rglob("*.csv"))
    for table in tables:
        with table.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            header = next(rows, [])
            if not header or len(set(header)) != len(header):
                found.append(f"{table.name}: the header is empty or names a column twice")
            for number, row in enumerate(rows, start=2):
                if len(row) != len(header):
                    found.append(
                        f"{table.name}: row {number} has {len(row)} cells, not {len(header)}"
                    )
    return found if tables else ["no CSV table in the archive"]


def _xlsx(path: Path) -> list[str]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [] if book.sheetnames else ["a workbook without sheets"]
    finally:
        book.close()


def _ftm(path: Path) -> list[str]:
    from followthemoney import model

    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            proxy = model.get_proxy(json.loads(line), cleaned=False)
            proxy.schema.validate(proxy.to_dict())  # type: ignore[arg-type]
        except Exception as exc:  # the model raises its own InvalidData and plain errors alike
            found.append(f"line {number}: {exc}")
    return found


def _stix(path: Path) -> list[str]:
    from stix2validator import ValidationOptions, validate_file

    results = validate_file(str(path), ValidationOptions(version="2.1"))
    found = [str(e) for r in results.object_results for e in r.errors]
    if results.fatal is not None:
        found.append(str(results.fatal.as_dict().get("error", "not a STIX bundle")))
    return found if found or results.is_valid else ["not a valid STIX bundle"]


def _sqlite(path: Path) -> list[str]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = [f"integrity: {row[0]}" for row in db.execute("PRAGMA integrity_check")]
        found = [f for f in found if f != "integrity: ok"]
        found += [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check")]
        return found
    finally:
        db.close()


def _atom(path: Path) -> list[str]:
    import feedparser

    feed = feedparser.parse(str(path))
    return [f"not a well-formed feed: {feed.get('bozo_exception')}"] if feed.bozo else []


CHECKS: dict[str, Check] = {
    "csv": _csv,
    "xlsx": _xlsx,
    "json": _json,
    "datapackage": _datapackage,
    "ftm": _ftm,
    "stix": _stix,
    "sqlite": _sqlite,
    "atom": _atom,
}


def problems(name: str, path: Path) -> list[str]:
    """Give what format `name`'s validator finds wrong with `path` (nothing when it passes)."""
    check = CHECKS.get(name)
    if check is None:
        return [f"no validator for the format {name!r}"]
    try:
        if path.is_file() and zipfile.is_zipfile(path) and name in {"csv", "datapackage"}:
            with tempfile.TemporaryDirectory() as tmp:
                with zipfile.ZipFile(path) as archive:
                    archive.extractall(tmp)
                found = check(_root_of(Path(tmp)))
        else:
            found = check(path)
    except Exception as exc:  # a file its reader cannot open at all
        found = [f"unreadable: {exc}"]
    if len(found) > MAX_SHOWN:
        found = [*found[:MAX_SHOWN], f"and {len(found) - MAX_SHOWN} more"]
    return found


def _root_of(tmp: Path) -> Path:
    """Give the directory an archive holds (its one folder, else the archive's top)."""
    entries = list(tmp.iterdir())
    return entries[0] if len(entries) == 1 and entries[0].is_dir() else tmp
