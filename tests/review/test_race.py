"""Two reviewers deciding the same submission at once, each in a process (and a database
connection) of its own: exactly one decision lands, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import copy_mini
from tests.databases import scratch_database
from tests.deploy.servers import mercwatch
from tests.processes import environment, python

ROUNDS = 3

SETUP = """
import json, sys
from django.contrib.auth import get_user_model
from mercwatch.review import services
from tests.review.helpers import draft, person
users = get_user_model()
author = person(users, "carla", "contributor")
person(users, "rita", "reviewer"); person(users, "rolf", "reviewer")
ids = [services.submit(author, draft(title=f"Race {n}")).pk for n in range(int(sys.argv[1]))]
print("IDS", json.dumps(ids))
"""

# Read every submission first (version 1), then decide each at its agreed moment.
DECIDE = """
import json, sys, time
from django.contrib.auth import get_user_model
from mercwatch.review import services
from mercwatch.review.models import Submission
user = get_user_model().objects.get(username=sys.argv[1])
decision, start = sys.argv[2], float(sys.argv[3])
ids = json.loads(sys.argv[4])
seen = {pk: Submission.objects.get(pk=pk) for pk in ids}
results = []
for n, pk in enumerate(ids):
    time.sleep(max(0.0, start + 1.5 * n - time.time()))
    try:
        services.decide(seen[pk], user=user, decision=decision, reason="race", seen=1)
        results.append("won")
    except services.Stale:
        results.append("stale")
print("RESULTS", json.dumps(results))
"""

STATE = """
import json
from mercwatch.review.models import Submission, Transition
from mercwatch.store.current import current_snapshot
rows = [
    [s.state, s.version, Transition.objects.filter(submission=s).count()]
    for s in Submission.objects.order_by("pk")
]
print("STATE", json.dumps([rows, "fr-submitted-pledge" in current_snapshot().measures]))
"""


def _after(out: str, marker: str) -> object:
    return json.loads(out.rsplit(marker, 1)[1])


def test_two_reviewers_at_once_exactly_one_wins(tmp_path: Path, bundled_dir: Path) -> None:
    data = copy_mini(tmp_path / "data", bundled_dir)
    root = str(Path(__file__).resolve().parents[2])
    for url in scratch_database(tmp_path):
        env = {**environment(), "MERCWATCH_ENV": "test", "DATABASE_URL": url,
               "MERCWATCH_VAR_DIR": str(tmp_path), "PYTHONPATH": root}  # fmt: skip
        mercwatch("migrate", "--noinput", "-v0", env=env)
        mercwatch("load", str(data), env=env)
        ids = _after(python(SETUP, str(ROUNDS), env=env), "IDS ")
        start = time.time() + 6  # both processes started and have read the submissions
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    "import django; django.setup()\n" + DECIDE,
                    name,
                    decision,
                    str(start),
                    json.dumps(ids),
                ],
                env={**env, "DJANGO_SETTINGS_MODULE": "mercwatch.settings"},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name, decision in (("rita", "approve"), ("rolf", "reject"))
        ]
        outs = [run.communicate(timeout=120) for run in runs]
        assert all(run.returncode == 0 for run in runs), [err for _out, err in outs]
        approve, reject = (_after(out, "RESULTS ") for out, _err in outs)
        assert isinstance(approve, list)
        assert isinstance(reject, list)
        for a, r in zip(approve, reject, strict=True):
            assert sorted([a, r]) == ["stale", "won"], (approve, reject)
        state = _after(python(STATE, env=env), "STATE ")
        assert isinstance(state, list)
        rows, measure = state
        expected = [
            ["approved" if a == "won" else "rejected", 2, 2] for a in approve
        ]  # one decision each: version 2, the submission and one decision in the log
        assert rows == expected
        assert measure == ("won" in approve)
