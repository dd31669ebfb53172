"""The one write path: checked before it lands, a new data version after, no edit lost."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.db import transaction

from mercwatch.store.current import current_snapshot, data_version
from mercwatch.store.sync import WouldOverwrite, load
from mercwatch.store.writes import OutsideWritePath, Refused, apply
from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.models import Actor, Link, Measure
from tests.site.test_serve import serving

pytestmark = pytest.mark.django_db


def test_a_save_outside_the_write_path_is_refused(mini_db):
    actor = Actor.objects.get(id="US")
    actor.name = "Elsewhere"
    with pytest.raises(OutsideWritePath, match=r"tracker\.Actor US"):
        actor.save()
    with pytest.raises(OutsideWritePath):
        Measure.objects.get(id="fr-call").delete()


def test_a_refused_change_names_the_record_and_field_and_writes_nothing(mini_db):
    before = data_version()
    link = Link.objects.filter(measure_id="us-entity-list-2021").first()
    assert link is not None

    def change() -> None:
        link.level = "magnificent"
        link.save()

    with pytest.raises(Refused) as refused:
        apply(change, reason="test")
    (problem,) = refused.value.problems
    assert (problem.kind, problem.key, problem.loc[-1]) == (
        "measure",
        "us-entity-list-2021",
        "level",
    )
    assert "'magnificent' is not a link level" in problem.reason
    assert Link.objects.get(pk=link.pk).level != "magnificent"
    assert data_version() == before


def test_every_write_moves_the_version_on_and_a_rolled_back_one_is_never_reused(mini_db):
    start = data_version()

    def rename(name: str) -> None:
        actor = Actor.objects.get(id="vendor-one")
        actor.name = name
        actor.save()

    def fails_after_the_write() -> None:
        with transaction.atomic():
            apply(lambda: rename("Undone"), reason="test")
            raise RuntimeError("the caller's transaction fails after the write")

    with pytest.raises(RuntimeError):
        fails_after_the_write()
    assert data_version() == start
    apply(lambda: rename("Kept"), reason="test")
    after = data_version()
    assert after[0] == start[0] + 1
    assert after[1] != start[1]
    assert current_snapshot().actors["vendor-one"].name == "Kept"
    assert apply(lambda: None, reason="nothing written") is None
    assert data_version() == after  # a change that writes nothing leaves the version


def test_load_refuses_to_undo_a_database_edit_and_lists_it(mini_db):
    actor = Actor.objects.get(id="vendor-one")

    def edit() -> None:
        actor.description = "Edited in the back office"
        actor.save()

    apply(edit, reason="an editor's correction")
    files = check_dir(mini_db).snapshot
    with pytest.raises(WouldOverwrite) as refused:
        load(files, reason="load again")
    assert [str(e) for e in refused.value.edits] == [
        "actor vendor-one (changed in the database since the last load or dump)"
    ]
    assert Actor.objects.get(id="vendor-one").description == "Edited in the back office"
    forced = load(files, reason="load again", force=True)
    assert [e.name for e in forced.overwritten] == ["actor vendor-one"]
    assert Actor.objects.get(id="vendor-one").description != "Edited in the back office"


def test_an_edit_the_files_also_hold_is_not_a_loss(mini_db):
    path = mini_db / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    measure = Measure.objects.get(id="fr-call")

    def edit() -> None:
        measure.title = "A moratorium call"
        measure.save()

    apply(edit, reason="same edit as the files")
    loaded = load(check_dir(mini_db).snapshot, reason="load")
    assert loaded.overwritten == []


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mercwatch.cli", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_load_command_lists_what_it_would_undo_and_dump_then_load_is_a_no_op(
    mini_dir: Path, tmp_path: Path
):
    env = {**os.environ, "MERCWATCH_ENV": "test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}  # fmt: skip
    assert _cli(env, "migrate", "-v0").returncode == 0
    assert _cli(env, "load", str(mini_dir)).returncode == 0
    out = tmp_path / "dumped"
    assert _cli(env, "dump", str(out)).returncode == 0
    again = _cli(env, "load", str(out))
    assert again.returncode == 0, again.stderr
    rows = [line.split("│")[2:6] for line in again.stdout.splitlines() if line.startswith("│")]
    assert rows
    assert all([c.strip() for c in (r[0], r[1], r[3])] == ["0", "0", "0"] for r in rows)
    edit = (
        "from mercwatch.store.writes import apply\n"
        "from mercwatch.tracker.models import Actor\n"
        "a = Actor.objects.get(id='DE')\n"
        "a.official_name = 'Bundesrepublik Deutschland (edited)'\n"
        "apply(a.save, reason='an edit in the database')\n"
    )
    assert _cli(env, "shell", "-c", edit).returncode == 0
    refused = _cli(env, "load", str(mini_dir))
    assert refused.returncode == 1
    assert "actor DE (changed in the database since the last load or dump)" in refused.stderr
    assert "nothing loaded" in refused.stderr
    forced = _cli(env, "load", str(mini_dir), "--force")
    assert forced.returncode == 0
    assert "undone by --force: actor DE" in forced.stderr


def test_a_write_in_one_process_is_seen_by_every_worker_of_another(mini_dir: Path, tmp_path: Path):
    with serving(mini_dir, tmp_path, workers=2) as (port, _output):

        def titles() -> set[bool]:
            seen = set()
            for _ in range(8):  # enough requests to reach both workers
                url = f"http://127.0.0.1:{port}/measures/fr-call/"
                with urllib.request.urlopen(url, timeout=10) as r:
                    seen.add("A moratorium call" in r.read().decode())
            return seen

        assert titles() == {False}
        path = mini_dir / "measures" / "FR" / "declarations.yaml"
        path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
        env = {**os.environ, "MERCWATCH_ENV": "development", "MERCWATCH_VAR_DIR": str(tmp_path),
               "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}"}  # fmt: skip
        loaded = _cli(env, "load", str(mini_dir))
        assert loaded.returncode == 0, loaded.stderr
        assert titles() == {True}
