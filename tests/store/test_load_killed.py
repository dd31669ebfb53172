"""`mercwatch load` killed with SIGKILL at any point leaves the database, its search index
included, exactly as before the load or exactly as after it: never a mix."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import copy_mini
from tests.databases import scratch_database
from tests.deploy.servers import mercwatch
from tests.processes import environment, python

KILLS = 5  # points spread over one load's run, start-up included

# The state of the database: its records as `dump` writes them, and the search index's rows.
STATE = """
import hashlib, json, sys, tempfile
from pathlib import Path
from django.core.management import call_command
from django.db import connection
from mercwatch.site import search
digest = hashlib.sha256()
with tempfile.TemporaryDirectory() as out:
    call_command("dump", out, verbosity=0)
    for path in sorted(Path(out).rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(out)).encode() + b"\\0" + path.read_bytes())
index = hashlib.sha256()
with connection.cursor() as cursor:
    # Each document by what it holds, each term by its document's kind and ref (not the IDs,
    # which a later load may number otherwise).
    cursor.execute(f"SELECT {search.COLUMNS} FROM {search.DOCUMENTS}")
    rows = cursor.fetchall()
    cursor.execute(
        f"SELECT d.kind, d.ref, t.term FROM {search.TERMS} t"
        f" JOIN {search.DOCUMENTS} d ON d.id = t.document"
    )
    rows += cursor.fetchall()
    for row in sorted(rows, key=repr):
        index.update(repr(row).encode())
print("STATE", json.dumps([digest.hexdigest(), index.hexdigest()]))
"""


def state_of(env: dict[str, str]) -> list[str]:
    out = python(STATE, env=env)
    found: list[str] = json.loads(out.rsplit("STATE ", 1)[1])
    return found


def _changed(mini: Path, folder: Path) -> Path:
    """A copy of the mini data with a measure retitled and a source added: what `load` writes."""
    after = folder / "after"
    shutil.copytree(mini, after)
    path = after / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    sources = after / "sources" / "added.yaml"
    sources.write_text(
        "sources:\n  - id: src-added\n    url: https://added.example/\n    kind: secondary\n"
        "    title: Added\n    publisher: Example\n    published: '2024'\n",
        encoding="utf-8",
    )
    return after


def test_a_load_killed_at_any_point_leaves_the_database_as_before_or_as_after(
    tmp_path: Path, bundled_dir: Path
) -> None:
    before_dir = copy_mini(tmp_path / "before", bundled_dir)
    after_dir = _changed(before_dir, tmp_path)
    for url in scratch_database(tmp_path):
        env = {**environment(), "MERCWATCH_ENV": "test", "DATABASE_URL": url,
               "MERCWATCH_VAR_DIR": str(tmp_path)}  # fmt: skip
        mercwatch("migrate", "--noinput", "-v0", env=env)
        started = time.monotonic()
        mercwatch("load", str(after_dir), env=env)
        took = time.monotonic() - started  # the whole process, start-up included
        after = state_of(env)
        mercwatch("load", "--force", str(before_dir), env=env)
        before = state_of(env)
        assert before != after
        seen = []
        for n in range(KILLS):
            delay = took * (n + 0.5) / KILLS
            load = subprocess.Popen(
                [sys.executable, "-m", "mercwatch.cli", "load", str(after_dir)],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(delay)
            if load.poll() is None:
                os.kill(load.pid, signal.SIGKILL)
            load.wait(timeout=60)
            state = state_of(env)
            assert state in (before, after), f"killed after {delay:.2f} s: a mixed state"
            seen.append("after" if state == after else "before")
            if state == after:
                mercwatch("load", "--force", str(before_dir), env=env)
        print(f"killed {KILLS} loads of {took:.1f} s: {seen}")
        assert "before" in seen, seen  # some kills did land inside the load
        mercwatch("load", str(after_dir), env=env)  # and the next load works
        assert state_of(env) == after
