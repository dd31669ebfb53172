"""`mercwatch backup` and `restore`: `dump` gives the same bytes after backup → restore; a
restore refuses a database that holds data (unless forced) and a file that is not a backup; a
backup made while another process writes restores to a state that existed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import copy_mini
from tests.databases import on_postgresql, scratch_database
from tests.deploy.servers import mercwatch
from tests.processes import environment, python
from tests.store.test_load_killed import _changed

WRITES = 400  # the writer's writes; backups are taken while it is at them


def _env(url: str, folder: Path) -> dict[str, str]:
    return {**environment(), "MERCWATCH_ENV": "test", "DATABASE_URL": url,
            "MERCWATCH_VAR_DIR": str(folder)}  # fmt: skip


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mercwatch.cli", *args],
        env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


def dumped(env: dict[str, str], out: Path) -> dict[str, bytes]:
    """Give every file `mercwatch dump` writes, by its path in the directory."""
    mercwatch("dump", str(out), env=env)
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_dump_is_byte_identical_after_backup_and_restore(tmp_path: Path, bundled_dir: Path):
    mini = copy_mini(tmp_path / "mini", bundled_dir)
    changed = _changed(mini, tmp_path)
    for url in scratch_database(tmp_path):
        env = _env(url, tmp_path)
        mercwatch("migrate", "--noinput", "-v0", env=env)
        mercwatch("load", str(mini), env=env)
        before = dumped(env, tmp_path / "before")
        out = tmp_path / "backups" / "mercwatch.backup"
        mercwatch("backup", str(out), env=env)
        again = _run("backup", str(out), env=env)
        assert again.returncode != 0
        assert "exists already (--force replaces it)" in again.stderr
        mercwatch("load", "--force", str(changed), env=env)
        refused = _run("restore", str(out), env=env)
        assert refused.returncode != 0
        assert "the database holds data (" in refused.stderr
        assert "restore --force replaces it" in refused.stderr
        wrong = tmp_path / "notes.txt"
        wrong.write_text("not a backup\n")
        bad = _run("restore", "--force", str(wrong), env=env)
        assert bad.returncode != 0
        assert "not a mercwatch backup" in bad.stderr
        after = dumped(env, tmp_path / "after")  # the changed data, refusals or not
        assert after != before
        assert b"A moratorium call" in after["measures/FR/declarations.yaml"]

        mercwatch("restore", "--force", str(out), env=env)
        assert dumped(env, tmp_path / "restored") == before
        (tmp_path / "empty").mkdir()
        for empty in scratch_database(tmp_path / "empty"):  # an empty database: no --force
            fresh = _env(empty, tmp_path / "empty")
            mercwatch("restore", str(out), env=fresh)
            assert dumped(fresh, tmp_path / "fresh") == before


def test_a_backup_of_the_other_database_or_of_another_program_is_refused(tmp_path: Path):
    for url in scratch_database(tmp_path):  # the file is checked before the database is read
        env = _env(url, tmp_path)
        other = tmp_path / "other.sqlite3"
        with sqlite3.connect(other) as db:
            db.execute("CREATE TABLE notes (text TEXT)")
        db.close()
        pg = tmp_path / "other.dump"
        pg.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 64)
        if on_postgresql():
            done = _run("restore", str(other), env=env)
            assert "a SQLite backup; this database is PostgreSQL" in done.stderr
        else:
            done = _run("restore", str(pg), env=env)
            assert "a PostgreSQL backup; this database is SQLite" in done.stderr
            done = _run("restore", str(other), env=env)
            assert "an SQLite database, but not one of mercwatch" in done.stderr
        assert done.returncode != 0
        missing = _run("restore", str(tmp_path / "none"), env=env)
        assert "cannot be read" in missing.stderr


# Renames an actor in each of WRITES writes through the write path, saying when it begins.
WRITER = """
import sys
from mercwatch.store.writes import apply
from mercwatch.tracker.models import Actor

def rename(n):
    actor = Actor.objects.get(id="vendor-one")
    actor.name = f"Writer {n}"
    actor.save()

print("writing", flush=True)
for n in range(int(sys.argv[1])):
    apply(lambda: rename(n), reason=f"write {n}", label="correction")
"""

# What a restored database says: its actor's name, the last revision's reason, the revisions.
READ = """
from mercwatch.store.models import Revision
from mercwatch.tracker.models import Actor
last = Revision.objects.order_by("id").last()
print(Actor.objects.get(id="vendor-one").name, "|", last.reason, "|", Revision.objects.count())
"""


def test_a_backup_made_while_another_process_writes_restores_a_state_that_existed(
    tmp_path: Path, bundled_dir: Path
):
    mini = copy_mini(tmp_path / "mini", bundled_dir)
    for url in scratch_database(tmp_path):
        env = _env(url, tmp_path)
        mercwatch("migrate", "--noinput", "-v0", env=env)
        mercwatch("load", str(mini), env=env)
        revisions = int(python(READ, env=env).rsplit("|", 1)[1])
        writer = subprocess.Popen(
            [sys.executable, "-c", "import django; django.setup()\n" + WRITER, str(WRITES)],
            env={**env, "DJANGO_SETTINGS_MODULE": "mercwatch.settings"},
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "writing"
        taken = []
        try:
            for n in range(3):
                time.sleep(1.0)
                out = tmp_path / f"during-{n}.backup"
                mercwatch("backup", str(out), env=env)
                taken.append((out, writer.poll() is None))
        finally:
            writer.kill()
            writer.wait(timeout=60)
        assert any(running for _out, running in taken), "the writer ended before any backup"
        seen = []
        for n, (out, _running) in enumerate(taken):
            folder = tmp_path / f"restored-{n}"
            folder.mkdir()
            for restored in scratch_database(folder):
                there = _env(restored, folder)
                mercwatch("restore", str(out), env=there)
                name, reason, count = (p.strip() for p in python(READ, env=there).split("|"))
                written = int(count) - revisions  # the writes the backup holds
                assert written >= 1, "a backup from before the writer began"
                # The actor, the last revision and the count of revisions tell the same write.
                assert (name, reason) == (f"Writer {written - 1}", f"write {written - 1}")
                seen.append(written)
        print(f"backups held {seen} of {WRITES} writes")
        assert seen == sorted(seen)
