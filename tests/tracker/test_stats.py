"""`mercwatch stats`: counts of actors, measures, sources, memberships and evidence."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.services.stats import dataset_stats
from mercwatch.tracker.snapshot import Snapshot

FRAMEWORK_KEYS = ("paris-call", "joint-statement", "pall-mall-declaration", "pall-mall-code")


@pytest.fixture
def mini_stats(mini_dir: Path) -> dict[str, Any]:
    data = check_dir(mini_dir)
    assert not data.errors
    return dataset_stats(data.snapshot)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("actors", "total"), 5),
        (("actors", "per_kind"), {"company": 1, "country": 3, "vendor": 1}),
        (("measures", "total"), 5),
        (("measures", "per_actor"), {"FR": 1, "US": 4}),
        (("measures", "per_type", "sanction"), 1),
        (("measures", "per_type", "designation"), 1),
        (("memberships", "joint-statement", "count"), 2),
        (("memberships", "joint-statement", "dated"), 1),
        (("memberships", "joint-statement", "actors"), ["DE", "FR"]),
        (("memberships", "paris-call", "count"), 0),
        (("governments_with_measures",), {"count": 2, "ids": ["FR", "US"]}),
        (("companies_with_evidence", "count"), 0),
    ],
)
def test_mini_dataset_counts(mini_stats: dict[str, Any], path: tuple[str, ...], expected: Any):
    value: Any = mini_stats
    for key in path:
        value = value[key]
    assert value == expected


def test_company_measures_count_as_evidence_per_principle(mini_dir: Path, write: Any):
    write(
        "measures/acme/threat-reports.yaml",
        "measures:\n"
        "  - id: acme-report\n"
        "    type: threat-report\n"
        "    title: A report\n"
        "    summary: A report naming a vendor.\n"
        "    date: '2024'\n"
        "    sources:\n"
        "      - src-press\n"
        "    links:\n"
        "      - provision: techaccord/1.3\n"
        "        level: enforced\n"
        "        rationale: Shared findings.\n",
    )
    stats = dataset_stats(check_dir(mini_dir).snapshot)
    assert stats["companies_with_evidence"]["ids"] == ["acme"]
    assert stats["companies_with_evidence"]["per_principle"] == {
        "techaccord/1": {"count": 1, "ids": ["acme"]}
    }
    assert "acme" not in stats["governments_with_measures"]["ids"]


def test_json_output_from_a_directory_has_every_framework_key(mini_dir: Path):
    out = io.StringIO()
    call_command("stats", "--format", "json", str(mini_dir), stdout=out)
    stats = json.loads(out.getvalue())
    assert set(FRAMEWORK_KEYS) | {"techaccord"} <= set(stats["memberships"])
    assert stats["governments_with_measures"]["count"] == 2


def test_table_output_names_the_groups(mini_dir: Path):
    out = io.StringIO()
    call_command("stats", str(mini_dir), stdout=out)
    text = out.getvalue()
    for word in ("actors", "measures", "joint-statement", "governments with measures"):
        assert word in text


def test_bad_directory_fails_with_the_loader_errors(mini_dir: Path, write: Any):
    write("sources/bad.yaml", "sources:\n  - id: x\n")
    with pytest.raises(SystemExit):
        call_command("stats", str(mini_dir), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_database_and_directory_give_the_same_counts(bundled_db: Path):
    from_db, from_dir = io.StringIO(), io.StringIO()
    call_command("stats", "--format", "json", stdout=from_db)
    call_command("stats", "--format", "json", str(bundled_db), stdout=from_dir)
    assert json.loads(from_db.getvalue()) == json.loads(from_dir.getvalue())


def test_bundled_data_reaches_the_coverage_targets(bundled_data: Snapshot):
    stats = dataset_stats(bundled_data)
    assert stats["memberships"]["techaccord"]["count"] == 40
    assert stats["governments_with_measures"]["count"] >= 9
    assert stats["companies_with_evidence"]["count"] >= 6
    assert stats["sources"]["total"] == sum(stats["sources"]["per_kind"].values())
    assert stats["measures"]["total"] == sum(stats["measures"]["per_actor"].values())
