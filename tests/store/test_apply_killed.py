"""A write through `apply` (an approval, an edit in the back office) killed with SIGKILL in the
middle – between its saves, or while it is checked and kept – leaves the database as it was:
the same `dump`, the same search index, the same data version, no revision. `load` killed
mid-write is tests/store/test_load_killed.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_mini
from tests.databases import scratch_database
from tests.deploy.servers import mercwatch
from tests.processes import environment, python
from tests.store.test_load_killed import state_of

# A slow write: every measure retitled, one save at a time, saying how far it has gone.
WRITE = """
import time
from mercwatch.store.writes import apply
from mercwatch.tracker.models import Measure

def change():
    for n, measure in enumerate(Measure.objects.order_by("id")):
        measure.title = measure.title + " (edited)"
        measure.save()
        print("saved", n + 1, flush=True)
        time.sleep(0.3)
    print("checking", flush=True)

apply(change, reason="a slow edit", label="correction")
print("kept", flush=True)
"""
VERSION = """
from mercwatch.store.models import DataVersion, Revision
version = DataVersion.objects.get(id=1)
print("VERSION", version.counter, version.stamp, Revision.objects.count())
"""
KILL_AT = ("saved 1", "saved 3", "checking")  # after the first save, midway, once all are made


def _state(env: dict[str, str]) -> tuple[list[str], str]:
    return state_of(env), python(VERSION, env=env).rsplit("VERSION ", 1)[1]


def _writer(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "import django; django.setup()\n" + WRITE],
        env={**env, "DJANGO_SETTINGS_MODULE": "mercwatch.settings"},
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip


def test_a_write_killed_in_the_middle_leaves_the_database_as_it_was(
    tmp_path: Path, bundled_dir: Path
) -> None:
    mini = copy_mini(tmp_path / "data", bundled_dir)
    for url in scratch_database(tmp_path):
        env = {**environment(), "MERCWATCH_ENV": "test", "DATABASE_URL": url,
               "MERCWATCH_VAR_DIR": str(tmp_path)}  # fmt: skip
        mercwatch("migrate", "--noinput", "-v0", env=env)
        mercwatch("load", str(mini), env=env)
        before = _state(env)
        outcomes = []
        for point in KILL_AT:
            writer = _writer(env)
            assert writer.stdout is not None
            for line in writer.stdout:
                if line.strip() == point:
                    os.kill(writer.pid, signal.SIGKILL)
                    break
            writer.wait(timeout=60)
            assert writer.returncode == -signal.SIGKILL, f"the write ended before {point!r}"
            state = _state(env)
            if point.startswith("saved"):
                assert state == before, f"killed at {point!r}: the database changed"
            elif state != before:  # killed once it was kept: then it is there whole
                _moved_on_by_one(before, state)
                before = state
            outcomes.append("before" if state == before else "after")
        print(f"writes killed at {KILL_AT}: {outcomes}")
        writer = _writer(env)  # and the next write is kept whole
        out, _err = writer.communicate(timeout=120)
        assert out.splitlines()[-1] == "kept"
        _moved_on_by_one(before, _state(env))


def _moved_on_by_one(before: tuple[list[str], str], after: tuple[list[str], str]) -> None:
    """Check that one whole write lies between two states: other data, the next version, one
    more revision."""
    assert after[0] != before[0]
    (counter, _stamp, revisions), (counter_after, _new, revisions_after) = (
        before[1].split(),
        after[1].split(),
    )
    assert (int(counter_after), int(revisions_after)) == (int(counter) + 1, int(revisions) + 1)
