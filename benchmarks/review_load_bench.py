"""Readers under load while a reviewer approves submissions: the readers' latency and errors,
and how soon each approved change shows on the public page, in every worker.

    .venv/bin/python benchmarks/review_load_bench.py                 # 100 approvals, 50 readers
    .venv/bin/python benchmarks/review_load_bench.py --approvals 20 --connections 20 --workers 2

The bundled data is loaded into a fresh SQLite database in a temporary directory; a
contributor and a reviewer are made (`mercwatch createuser`, the password from the
environment) with a submit token and a review token (`mercwatch token create`); the site is
served by `mercwatch serve` (production settings, WEB_CONCURRENCY workers, 127.0.0.1 only, the
API, search and submission rate limits off, since every client shares one address). The
contributor submits `--approvals` new measures through the API before the clock starts.

Then `wrk` drives the readers (`--connections` kept-alive connections, two threads, a fixed
mix of the scorecard, government, vendor and measure pages) for as long as the approvals take,
while the reviewer approves each submission through the API, one after another. After each
approval's answer, the new measure's public page is asked for on fresh connections until it
answers 200 (the time to visible); then it is asked for `4 × --workers` more times at once on
fresh connections, which the workers share among themselves, and every answer that is not 200
counts as stale (a worker still showing the data before the approval).

It prints the readers' requests, p50 / p95 / p99 latency and errors (non-2xx/3xx answers and
socket errors), the approvals' own latency, the time to visible (median, p95, max) and the
stale answers, and exits 1 on any error or stale answer.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from api_bench import BIN, HOST, ROOT, run, served_env, start_server, wait_for

READERS = (
    "/",
    "/governments/FR/",
    "/governments/US/",
    "/governments/GB/",
    "/vendors/nso-group/",
    "/vendors/intellexa-consortium/",
    "/measures/us-entity-list-2021-11/",
    "/provisions/",
    "/changes/",
)
LUA = """
paths = {%s}
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("P50_US=%%d\\nP95_US=%%d\\nP99_US=%%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
  local e = summary.errors
  io.write(string.format("SOCKET_ERRORS=%%d\\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("CONNECT=%%d\\nREAD=%%d\\nWRITE=%%d\\nTIMEOUT=%%d\\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("STATUS_ERRORS=%%d\\nREQUESTS=%%d\\n", e.status, summary.requests))
end
"""


def _proposal(n: int, stamp: str) -> dict[str, Any]:
    source = f"bench-source-{stamp}-{n}"
    return {
        "sources": [
            {
                "group": "submitted",
                "id": source,
                "url": f"https://reports.invalid/{stamp}/{n}",
                "kind": "secondary",
                "title": f"Benchmark report {n}",
                "published": "2025-02-03",
            }
        ],
        "measures": [
            {
                "actor": "FR",
                "family": "submitted",
                "id": f"bench-measure-{stamp}-{n}",
                "type": "declaration",
                "title": f"Benchmark measure {n}",
                "summary": "A measure submitted by the load benchmark.",
                "date": "2025-02",
                "sources": [source],
            }
        ],
    }


def _call(port: int, method: str, path: str, token: str = "", body: Any = None) -> Any:
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    headers = {"Host": HOST, "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers=headers)  # fmt: skip
    response = conn.getresponse()
    data = response.read()
    conn.close()
    if response.status >= 400:
        raise SystemExit(f"{method} {path}: {response.status} {data[:500]!r}")
    return json.loads(data) if data else None


def _submit(port: int, token: str, n: int, stamp: str) -> Any:
    body = {
        "kind": "new-measure",
        "title": f"Benchmark measure {n}",
        "statement": "Submitted by the load benchmark.",
        "proposal": _proposal(n, stamp),
    }
    return _call(port, "POST", "/api/v1/submissions", token, body)


def _status(port: int, path: str) -> int:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    conn.request("GET", path, headers={"Host": HOST})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def _token(env: dict[str, str], user: str, scope: str) -> str:
    out = subprocess.run(
        [str(BIN / "mercwatch"), "token", "create", user, "--scope", scope, "--name", "bench"],
        env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found = re.search(r": (\S+)\n", out)
    if found is None:
        raise SystemExit(f"no token in: {out}")
    return found.group(1)


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 1),
        "p95": round(ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)], 1),
        "max": round(ordered[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--approvals", type=int, default=100)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not 1 <= args.approvals <= 1000 or not 1 <= args.connections <= 200:
        raise SystemExit("--approvals: 1 to 1000; --connections: 1 to 200")
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is needed (Debian's package wrk)")
    work = Path(tempfile.mkdtemp(prefix="mw-review-load-"))
    env = served_env(
        work,
        args.workers,
        MERCWATCH_SEARCH_RATE_LIMIT="0",
        MERCWATCH_SUBMISSION_RATE_LIMIT="0",
        MERCWATCH_NEW_PASSWORD=secrets.token_urlsafe(24),
    )
    run([str(BIN / "mercwatch"), "migrate", "-v0"], env)
    run([str(BIN / "mercwatch"), "load", str(ROOT / "data")], env)
    run([str(BIN / "mercwatch"), "collectstatic", "--noinput", "-v0"], env)
    for user, role in (("bench-contributor", "contributor"), ("bench-reviewer", "reviewer")):
        run([str(BIN / "mercwatch"), "createuser", user, "--role", role], env)
    submit_token = _token(env, "bench-contributor", "submit")
    review_token = _token(env, "bench-reviewer", "review")
    server, port = start_server(env)
    script = work / "readers.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in READERS))
    stamp = secrets.token_hex(3)
    try:
        wait_for(f"http://{HOST}:{port}/")
        submitted = [_submit(port, submit_token, n, stamp) for n in range(args.approvals)]
        for path in READERS:  # warm every page once
            _status(port, path)
        readers = subprocess.Popen(
            [wrk, "-t2", f"-c{args.connections}", "-d3600s", "--timeout", "30s", "-s",
             str(script), f"http://{HOST}:{port}"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(2)  # the readers are under way
        approve_ms: list[float] = []
        visible_ms: list[float] = []
        stale = 0
        probes = 4 * args.workers
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(probes) as pool:
            for n, made in enumerate(submitted):
                t0 = time.perf_counter()
                _call(port, "POST", f"/api/v1/submissions/{made['id']}/decision", review_token,
                      {"decision": "approve", "reason": "Benchmark approval.",
                       "version": made["version"]})  # fmt: skip
                t1 = time.perf_counter()
                page = f"/measures/bench-measure-{stamp}-{n}/"
                while _status(port, page) != 200:
                    if time.perf_counter() - t1 > 30:
                        raise SystemExit(f"{page}: not visible 30 s after its approval")
                visible_ms.append((time.perf_counter() - t1) * 1000)
                approve_ms.append((t1 - t0) * 1000)
                stale += sum(s != 200 for s in pool.map(_status, [port] * probes, [page] * probes))
        elapsed = time.monotonic() - started
        readers.send_signal(signal.SIGINT)
        out, _err = readers.communicate(timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)

    def field(name: str) -> int:
        found = re.search(rf"{name}=(\d+)", out)
        return int(found.group(1)) if found else -1

    report = {
        "approvals": args.approvals,
        "workers": args.workers,
        "connections": args.connections,
        "seconds": round(elapsed, 1),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "reader_requests": field("REQUESTS"),
        "reader_p50_ms": field("P50_US") / 1000,
        "reader_p95_ms": field("P95_US") / 1000,
        "reader_p99_ms": field("P99_US") / 1000,
        "reader_errors": field("STATUS_ERRORS") + field("SOCKET_ERRORS"),
        "reader_errors_by_kind": {
            "status outside 2xx/3xx": field("STATUS_ERRORS"),
            "connect": field("CONNECT"),
            "read": field("READ"),
            "write": field("WRITE"),
            "timeout": field("TIMEOUT"),
        },
        "approval_ms": _summary(approve_ms),
        "visible_after_approval_ms": _summary(visible_ms),
        "stale_answers": f"{stale} of {probes * args.approvals}",
    }
    if args.json:
        print(json.dumps(report, indent=1))  # noqa: T201
    else:
        for key, value in report.items():
            print(f"{key}: {value}")  # noqa: T201
    sys.exit(1 if report["reader_errors"] or stale else 0)


if __name__ == "__main__":
    main()
