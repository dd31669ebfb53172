"""A soak of mixed traffic against the site as `mercwatch serve` serves it, bounded in time.

    .venv/bin/python benchmarks/soak.py                   # 5 minutes, 4 clients, bundled data
    .venv/bin/python benchmarks/soak.py --seconds 30      # shorter
    .venv/bin/python benchmarks/soak.py --data DIR        # any data directory

Loads the data into a fresh SQLite database in a temporary directory, collects the static
files, serves the site with `mercwatch serve` (production settings, WEB_CONCURRENCY workers,
on 127.0.0.1 only, the search and API rate limits off since every client shares one address),
then `--clients` clients ask, each on its own kept-alive connection, for a random mix: the
scorecard and government pages as of random dates, searches, later pages of lists, vendor
pages, API pages at random offsets. It reports the requests, the answers by status (every
status outside 2xx and 3xx is an error), p50 and p95 latency, and the resident memory (VmRSS)
of each gunicorn worker at the start, at the end and at its peak (read every 2 s); workers
replaced meanwhile (after MERCWATCH_MAX_REQUESTS requests) show as new process IDs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from api_bench import BIN, HOST, ROOT, run, served_env, start_server, wait_for

WORDS = ("NSO", "Pegasus", "spyware", "Intellexa", "Predator", "export", "sanction", "hack")


def pages(data: Path) -> list[str]:
    """The pages a client picks from, besides the dated and searched ones."""
    countries = sorted(p.stem for p in (data / "actors" / "countries").glob("*.yaml"))[:40]
    vendors = sorted(p.stem for p in (data / "actors" / "vendors").glob("*.yaml"))[:40]
    return (
        [f"/governments/{code}/" for code in countries]
        + [f"/vendors/{slug}/" for slug in vendors]
        + ["/provisions/", "/changes/", "/changes/page/2/", "/vendors/", "/methodology/"]
    )


def pick(rng: random.Random, fixed: list[str]) -> str:
    """Give one random path of the mix."""
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
    kind = rng.randrange(6)
    if kind == 0:
        return f"/?as_of={day.isoformat()}"
    if kind == 1:
        return f"{rng.choice(fixed[:40])}?as_of={day.isoformat()}"
    if kind == 2:
        return f"/search/?q={rng.choice(WORDS)}"
    if kind == 3:
        return f"/api/v1/actors?limit=50&offset={rng.randrange(0, 300, 50)}"
    if kind == 4:
        return f"/api/v1/measures?limit=20&offset={rng.randrange(0, 200, 20)}"
    return rng.choice(fixed)


def client(
    port: int, fixed: list[str], deadline: float, seed: int
) -> tuple[Counter[int], list[float]]:
    """Ask for random paths until `deadline`; give the statuses and the latencies (s)."""
    rng = random.Random(seed)
    statuses: Counter[int] = Counter()
    times: list[float] = []
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    while time.monotonic() < deadline:
        path = pick(rng, fixed)
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            statuses[response.status] += 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException):
            statuses[0] += 1  # no answer: the connection failed
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=60)
        times.append(time.perf_counter() - started)
    conn.close()
    return statuses, times


def workers(master: int) -> dict[int, int]:
    """Give each gunicorn worker's process ID and resident memory (kB), read from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) != master:
            continue
        rss = [line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")]
        found[int(entry.name)] = int(rss[0]) if rss else 0
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)] * 1000 if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"), help="data directory")
    parser.add_argument("--seconds", type=int, default=300, help="how long (bounded)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not 1 <= args.seconds <= 3600:
        raise SystemExit("--seconds: between 1 and 3600")
    work = Path(tempfile.mkdtemp(prefix="mw-soak-"))
    env = served_env(work, args.workers, MERCWATCH_SEARCH_RATE_LIMIT="0")
    run([str(BIN / "mercwatch"), "migrate", "-v0"], env)
    run([str(BIN / "mercwatch"), "load", args.data], env)
    run([str(BIN / "mercwatch"), "collectstatic", "--noinput", "-v0"], env)
    server, port = start_server(env)
    try:
        wait_for(f"http://{HOST}:{port}/")
        before = workers(server.pid)
        fixed = pages(Path(args.data))
        deadline = time.monotonic() + args.seconds
        results: list[tuple[Counter[int], list[float]]] = []
        threads = [
            threading.Thread(
                target=lambda i=i: results.append(client(port, fixed, deadline, seed=i))
            )
            for i in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        peak: dict[int, int] = dict(before)
        while any(thread.is_alive() for thread in threads):
            for pid, rss in workers(server.pid).items():
                peak[pid] = max(peak.get(pid, 0), rss)
            time.sleep(2)
        after = workers(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)
    statuses: Counter[int] = sum((r[0] for r in results), Counter())
    times = [t for r in results for t in r[1]]
    report = {
        "seconds": args.seconds,
        "clients": args.clients,
        "workers": args.workers,
        "load_average": os.getloadavg(),
        "requests": sum(statuses.values()),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "errors": sum(v for k, v in statuses.items() if not 200 <= k < 400),
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "worker_rss_kb_start": before,
        "worker_rss_kb_end": after,
        "worker_rss_kb_peak": peak,
    }
    if args.json:
        print(json.dumps(report, indent=1))  # noqa: T201
        return
    for key, value in report.items():
        print(f"{key}: {value}")  # noqa: T201
    sys.exit(1 if report["errors"] else 0)


if __name__ == "__main__":
    main()
