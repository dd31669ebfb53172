"""The first request after a write, in every worker: the scorecard and the edited government's page.

    MERCWATCH_ENV=development .venv/bin/python benchmarks/write_bench.py --scale 100
    MERCWATCH_ENV=development .venv/bin/python benchmarks/write_bench.py --data DIR [--reuse]

The data (a directory, or the bundled data synthesised `--scale` times) is loaded into a SQLite
file in the temporary directory (kept with `--reuse`; or the `--database` URL given). Then
`--workers` worker processes start, each with its own caches as a gunicorn worker has, and are
warmed. Each round edits one measure of the busiest government through the write path (its
first link's level, alternately two values, so that its cells do change) and asks every worker
for the scorecard and then that government's page, timing the server's answer in the worker
(Django's test client: the full middleware stack, no network). It does so with workers that
patch their snapshot and re-derive only what the write touched (`MERCWATCH_PATCH_SNAPSHOTS=1`,
the default), then with workers that read the whole database and derive everything again
(`=0`, as before), and prints both, with each worker's memory at the end and the full
(generation 2) garbage collections that fell in the timed requests.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _django(database: str) -> None:
    os.environ.setdefault("MERCWATCH_ENV", "development")
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mercwatch.settings")
    import django

    django.setup()


# A worker: answers commands on stdin with one JSON line each on stdout.


def worker(database: str) -> None:
    _django(database)
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    pauses: list[float] = []  # the full (generation 2) garbage collections, in seconds
    started: list[float] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if phase == "start":
                started.append(time.perf_counter())
            elif started:
                pauses.append(time.perf_counter() - started.pop())

    gc.callbacks.append(watch)
    for line in sys.stdin:
        paths = json.loads(line)
        times = []
        pauses.clear()
        for path in paths:
            start = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
        answer = {"times": times, "rss_mb": _rss_mb(), "full_gc_s": list(pauses)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class Worker:
    def __init__(self, database: str, patch: bool) -> None:
        env = {**os.environ, "MERCWATCH_PATCH_SNAPSHOTS": "1" if patch else "0"}
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--database", database],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )

    def get(self, paths: list[str]) -> dict[str, Any]:
        assert self.process.stdin
        assert self.process.stdout
        self.process.stdin.write(json.dumps(paths) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit("a worker stopped")
        return json.loads(line)  # type: ignore[no-any-return]

    def stop(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=60)


# The coordinator: loads, edits through the write path, asks the workers.


def _target() -> tuple[str, int]:
    """Give the busiest government and the primary key of a link of one of its measures."""
    from mercwatch.store.current import current_snapshot
    from mercwatch.tracker.models import Link

    data = current_snapshot()
    counts: dict[str, int] = {}
    for m in data.measures.values():
        if data.actors[m.actor].kind in {"country", "supranational"} and m.links:
            counts[m.actor] = counts.get(m.actor, 0) + 1
    government = max(counts, key=lambda a: (counts[a], a))
    link = Link.objects.filter(measure__actor_id=government).order_by("pk").first()
    assert link is not None
    return government, link.pk


def edit(link_pk: int, round_number: int) -> float:
    """Change the link's level through the write path; give the write's time in seconds."""
    from mercwatch.store.writes import apply
    from mercwatch.tracker.models import Link

    def change() -> None:
        link = Link.objects.get(pk=link_pk)
        link.level = ("partial", "enforced")[round_number % 2]
        link.save()

    start = time.perf_counter()
    apply(change, reason=f"benchmark round {round_number}")
    return time.perf_counter() - start


def run(database: str, patch: bool, workers: int, rounds: int) -> dict[str, Any]:
    government, link_pk = _target()
    paths = ["/", f"/governments/{government}/"]
    pool = [Worker(database, patch) for _ in range(workers)]
    try:
        for w in pool:
            w.get(paths)  # warm: snapshot, engine, pages
            w.get(paths)
        scorecard: list[float] = []
        page: list[float] = []
        writes: list[float] = []
        full_gc: list[float] = []
        for n in range(rounds):
            writes.append(edit(link_pk, n))
            for w in pool:
                answer = w.get(paths)
                scorecard.append(answer["times"][0])
                page.append(answer["times"][1])
                full_gc.extend(answer["full_gc_s"])
        rss = [w.get(["/"])["rss_mb"] for w in pool]
    finally:
        for w in pool:
            w.stop()
    return {
        "patch": patch,
        "government": government,
        "rounds": rounds,
        "workers": workers,
        "write": _summary(writes),
        "scorecard": _summary(scorecard),
        "government_page": _summary(page),
        "worker_rss_mb": rss,
        # Full garbage collections during those first requests: how many, and the longest.
        "full_gc": {
            "count": len(full_gc),
            "max_ms": round(max(full_gc, default=0) * 1000, 1),
        },
    }


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data directory to load (default: the bundled data)")
    parser.add_argument("--scale", type=int, default=0, help="synthesise the data N times")
    parser.add_argument("--database", help="database URL (default: a SQLite file in tmp)")
    parser.add_argument("--reuse", action="store_true", help="keep a database loaded before")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=20, help="edits, patching workers")
    parser.add_argument("--full-rounds", type=int, default=3, help="edits, reading everything")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    name = f"x{args.scale}" if args.scale else Path(args.data or "data").name
    database = args.database or (
        f"sqlite:///{Path(tempfile.gettempdir()) / f'mw-write-bench-{name}.sqlite3'}"
    )
    if args.worker:
        worker(database)
        return
    _django(database)
    from django.core.management import call_command

    if not args.reuse:
        data = Path(args.data or ROOT / "data")
        if args.scale:
            out = Path(tempfile.mkdtemp(prefix="mw-write-bench-"))
            call_command("synthesize", str(out / "data"), scale=args.scale, source=str(data))
            data = out / "data"
        call_command("migrate", verbosity=0)
        call_command("load", str(data), force=True, verbosity=0)
    results = [run(database, True, args.workers, args.rounds)]
    if args.full_rounds:
        results.append(run(database, False, args.workers, args.full_rounds))
    sys.stdout.write(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
