"""`mercwatch screen`: a name, a file, the three formats, --as-of, --threshold, --since, the run
named in the output, and a bad file refused naming its line with nothing screened."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("screen", *args, stdout=out)
    return out.getvalue()


def test_one_name_as_json(bundled_db):
    doc = json.loads(_run("Cytrox AD", "--format", "json", "--as-of", "2024-01-01"))
    assert doc["run"]["methodology"] == "mercwatch-screening-1"
    assert doc["run"]["as_of"] == "2024-01-01"
    assert doc["run"]["threshold"] == 0.85
    (result,) = doc["results"]
    top = result["matches"][0]
    assert set(top) >= {"actor", "name", "matched_name", "score", "designated", "affiliated",
                        "listed", "reasons", "path"}  # fmt: skip
    assert (top["actor"], top["designated"]) == ("cytrox-ad", True)
    assert top["path"][0].startswith("designated by United States since 18 July 2023")


def test_a_file_as_csv_keeps_the_ids_and_names_the_run(bundled_db, tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("id,name,country\nc-1,Sandvine,CA\nc-2,Sandvik,\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(_run("--file", str(names), "--format", "csv"))))
    assert [(r["id"], r["query"], r["actor"]) for r in rows] == [
        ("c-1", "Sandvine", "sandvine"),
        ("c-2", "Sandvik", ""),
    ]
    assert rows[0]["designated"] == "no"  # removed from the Entity List in October 2024
    assert rows[0]["data_version"]
    assert rows[0]["screened_at"]


def test_the_table_names_the_run(bundled_db):
    text = _run("NSO Group", "--as-of", "2022-01-01")
    assert "methodology mercwatch-screening-1" in text
    assert "threshold 0.85" in text
    assert "NSO Group" in text


def test_the_threshold_chooses_what_is_reported(bundled_db):
    low = json.loads(_run("Intellexa", "--format", "json", "--threshold", "0.5"))
    high = json.loads(_run("Intellexa", "--format", "json", "--threshold", "0.96"))
    assert len(low["results"][0]["matches"]) > len(high["results"][0]["matches"]) == 1


def test_since_reports_only_names_whose_result_changed(bundled_db, tmp_path):
    names = tmp_path / "names.csv"
    names.write_text("name\nSandvine\nNSO Group\nMicrosoft\n", encoding="utf-8")
    doc = json.loads(_run("--file", str(names), "--format", "json", "--as-of", "2024-12-01",
                          "--since", "2024-06-01"))  # fmt: skip
    assert [r["query"] for r in doc["results"]] == ["Sandvine"]  # removed in October 2024
    (result,) = doc["results"]
    assert result["before"][0]["designated"] is True
    assert result["matches"][0]["designated"] is False
    assert doc["run"]["since"] == "2024-06-01"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "line 1: the file is empty"),
        (b"nom\nNSO\n", "line 1: no name column"),
        (b"name\nNSO\nCaf\xe9\n", "line 3: not UTF-8 text (byte 0xE9)"),
        (b"name\nNSO\n-2+3\n", "line 3: name: the cell starts with '-'"),
        (b"name,country\nNSO,Narnia\n", "line 2: country: no country 'Narnia'"),
    ],
)
def test_a_bad_file_is_refused_naming_the_line(bundled_db, tmp_path, body, words):
    names = tmp_path / "names.csv"
    names.write_bytes(body)
    with pytest.raises(CommandError) as refused:
        _run("--file", str(names))
    assert words in str(refused.value)
    assert "nothing was screened" in str(refused.value)


def test_bad_options_are_refused(bundled_db):
    with pytest.raises(CommandError, match="give one NAME or --file CSV"):
        _run()
    with pytest.raises(CommandError, match="--threshold: between 0 and 1"):
        _run("NSO", "--threshold", "2")
    with pytest.raises(CommandError, match="--since: 2025-01-01 is after the as-of date"):
        _run("NSO", "--since", "2025-01-01", "--as-of", "2024-01-01")


def test_a_data_directory_can_be_screened_without_the_database(bundled_dir):
    doc = json.loads(_run("Candiru", "--data", str(bundled_dir), "--format", "json"))
    assert doc["run"]["data_version"] == "directory data"
    assert doc["results"][0]["matches"][0]["actor"] == "candiru"
