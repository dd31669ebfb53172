"""The `mercwatch` command as a person runs it: output and exit status."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mercwatch ARGS` as a person would (test settings unless `env` is given)."""
    env = {**os.environ, "MERCWATCH_ENV": "test"} if env is None else env
    return subprocess.run(
        [sys.executable, "-m", "mercwatch.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_check_prints_ok_and_exits_zero(mini_dir):
    result = run("check", str(mini_dir))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout
    assert "5 measures" in result.stdout


def test_check_prints_every_error_and_exits_one(mini_dir, write):
    write("actors/vendors/vendor-two.yaml", "id: vendor-two\nkind: vendor\nname: V\nsize: 3\n")
    write("overrides.yaml", "overrides: []\nextra: 1\n")
    result = run("check", str(mini_dir))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"{mini_dir}/actors/vendors/vendor-two.yaml:4: size: unknown field"
    assert lines[1] == f"{mini_dir}/overrides.yaml:2: extra: unknown field"
    assert lines[2] == "2 error(s); nothing was written."


def score(mini_dir, *args: str) -> str:
    out = io.StringIO()
    call_command("score", "--data", str(mini_dir), *args, stdout=out)
    return out.getvalue()


def test_score_json_from_a_data_directory(mini_dir):
    rows = json.loads(score(mini_dir, "--as-of", "2022-01-01", "--format", "json"))
    us5 = next(r for r in rows if (r["actor"], r["provision"]) == ("US", "blueprint/5"))
    assert (us5["level"], us5["score"], us5["derived"]) == ("enforced", 4, True)
    assert us5["explanation"]["measures"][0]["id"] == "us-entity-list-2021"


def test_score_csv_is_one_row_per_cell(mini_dir):
    text = score(mini_dir, "--as-of", "2022-01-01", "--format", "csv", "--actor", "US")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 11
    assert rows[4]["provision"] == "blueprint/5"
    assert rows[4]["measures"] == "us-entity-list-2021"
    assert rows[4]["sources"] == "https://other-press.example/story;https://press.example/story"


def test_score_table_shows_labels_and_totals(mini_dir):
    text = score(mini_dir, "--as-of", "2022-01-01", "--evidence-only")
    us = next(line for line in text.splitlines() if "│ US " in line)
    assert [cell.strip() for cell in us.split("│")[1:-1]] == [
        "US",
        "no-evidence",
        "no-evidence",
        "no-evidence",
        "no-evidence",
        "enforced",
        "no-evidence",
        "no-evidence",
        "not-applicable",
        "not-applicable",
        "not-applicable",
        "not-applicable",
        "4",
    ]
    assert "│ DE " not in text


def test_score_rejects_a_bad_date_and_an_unknown_framework(mini_dir):
    with pytest.raises(CommandError, match="--as-of: expected YYYY-MM-DD"):
        score(mini_dir, "--as-of", "2022-13-01")
    with pytest.raises(CommandError, match="unknown framework 'nope'"):
        score(mini_dir, "--framework", "nope")


def test_explain_tells_a_person_why(mini_dir):
    out = io.StringIO()
    call_command(
        "explain", "US", "blueprint/5", "--as-of", "2022-01-01", "--data", str(mini_dir), stdout=out
    )
    text = out.getvalue()
    assert (
        text.splitlines()[0] == "United States – blueprint/5 Blacklist violators, as of 2022-01-01"
    )
    assert "Level: Implemented and enforced (enforced), score 4, confidence medium" in text
    assert "* [measure] Entity List additions (us-entity-list-2021), 3 November 2021" in text
    assert "source: https://press.example/story" in text


def test_explain_shows_an_override_and_what_the_rules_give(mini_dir):
    out = io.StringIO()
    call_command("explain", "DE", "blueprint/6", "--data", str(mini_dir), stdout=out)
    assert "Override rationale: An editor's test override." in out.getvalue()
    assert "The rules alone give: no-evidence" in out.getvalue()


def run_in_production(*args: str, tmp_path) -> subprocess.CompletedProcess[str]:
    """Run the command as a newcomer would: production settings, no SECRET_KEY anywhere."""
    env = {k: v for k, v in os.environ.items() if k not in {"MERCWATCH_ENV", "SECRET_KEY"}}
    env["MERCWATCH_VAR_DIR"] = str(tmp_path / "var")
    env.pop("DATABASE_URL", None)
    return run(*args, env=env)


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{data}"),
        ("score", "--data", "{data}", "--format", "csv"),
        ("stats", "{data}"),
        ("export", "csv", "--data", "{data}", "--out", "{tmp}/out.zip"),
    ],
    ids=["check", "score", "stats", "export"],
)
def test_data_commands_work_without_a_secret_key_in_production(args, mini_dir, tmp_path):
    filled = [a.format(data=mini_dir, tmp=tmp_path) for a in args]
    result = run_in_production(*filled, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SECRET_KEY" not in result.stderr


def test_serve_refuses_to_start_without_a_secret_key_in_production(tmp_path):
    result = run_in_production("serve", "--port", "1", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "SECRET_KEY must be set to serve the site in production" in result.stderr


def serve_on(db) -> subprocess.CompletedProcess[str]:
    """Run `mercwatch serve` against the SQLite file `db` (it must refuse before serving)."""
    env = {**os.environ, "MERCWATCH_ENV": "test", "DATABASE_URL": f"sqlite:///{db}"}
    return run("serve", "--port", "1", env=env)


def test_serve_refuses_a_missing_sqlite_database_and_does_not_create_it(tmp_path):
    db = tmp_path / "gone.sqlite3"
    result = serve_on(db)
    assert result.returncode == 1
    assert f"the database {db} does not exist" in result.stderr
    assert not db.exists()


def test_serve_refuses_a_database_that_is_not_migrated(tmp_path):
    db = tmp_path / "empty.sqlite3"
    db.touch()
    result = serve_on(db)
    assert result.returncode == 1
    assert f"the database {db} is not migrated" in result.stderr
    assert "run `mercwatch migrate`" in result.stderr
