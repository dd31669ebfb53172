"""Loading is idempotent and revisioned; dumping writes back the same files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from mercwatch.store.current import current_snapshot
from mercwatch.store.sync import load as load_snapshot
from mercwatch.tracker.loader.dump import dump_dir, render_files
from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.models import Measure

pytestmark = pytest.mark.django_db


def load(root: Path) -> dict[str, dict[str, int]]:
    data = check_dir(root)
    assert data.errors == []
    return {name: dict(c) for name, c in load_snapshot(data.snapshot, reason="test").counts.items()}


def files_of(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }


def test_second_load_changes_nothing(mini_dir):
    first = load(mini_dir)
    assert first["measures"] == {"created": 5}
    assert first["actors"] == {"created": 5}
    second = load(mini_dir)
    changed = {name: c for name, c in second.items() if set(c) - {"unchanged"}}
    assert changed == {}
    assert Measure.history.count() == 5


def test_a_changed_measure_is_updated_and_its_revision_kept(mini_dir):
    load(mini_dir)
    path = mini_dir / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    counts = load(mini_dir)
    assert counts["measures"] == {"updated": 1, "unchanged": 4}
    titles = [h.title for h in Measure.history.filter(id="fr-call").order_by("history_date")]
    assert titles == ["A call for a moratorium", "A moratorium call"]


def test_a_removed_measure_is_deleted_with_its_links_and_kept_in_history(mini_dir):
    load(mini_dir)
    (mini_dir / "measures" / "FR" / "declarations.yaml").unlink()
    counts = load(mini_dir)
    assert counts["measures"]["deleted"] == 1
    assert counts["links"]["deleted"] == 1
    assert not Measure.objects.filter(id="fr-call").exists()
    assert Measure.history.filter(id="fr-call", history_type="-").count() == 1


def test_load_command_prints_counts_per_type(mini_dir):
    out = io.StringIO()
    call_command("load", str(mini_dir), stdout=out)
    text = out.getvalue()
    assert "created" in text
    assert "unchanged" in text
    row = next(line for line in text.splitlines() if line.startswith("│ measures "))
    assert row.split("│")[2].strip() == "5"


def test_dump_then_load_then_dump_is_stable(mini_dir, tmp_path):
    load(mini_dir)
    once = render_files(current_snapshot())
    written, _removed = dump_dir(tmp_path / "out", current_snapshot())
    assert written == len(once)
    load(tmp_path / "out")
    assert render_files(current_snapshot()) == once


def test_dump_removes_files_no_record_needs(mini_dir, tmp_path):
    load(mini_dir)
    stale = tmp_path / "out" / "measures" / "XX" / "old.yaml"
    stale.parent.mkdir(parents=True)
    stale.write_text("measures: []\n")
    _written, removed = dump_dir(tmp_path / "out", current_snapshot())
    assert removed == 1
    assert not stale.exists()


def test_bundled_data_round_trips_byte_for_byte(bundled_dir, tmp_path):
    load(bundled_dir)
    dump_dir(tmp_path / "out", current_snapshot())
    assert files_of(tmp_path / "out") == files_of(bundled_dir)
