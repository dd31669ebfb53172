"""The API under gunicorn against Datasette serving the SQLite export of the same data.

    .venv/bin/python benchmarks/api_bench.py                      # the bundled data
    .venv/bin/python benchmarks/api_bench.py --scale 100          # `mercwatch synthesize` 100×
    .venv/bin/python benchmarks/api_bench.py --data DIR           # any data directory

Loads the data into a fresh SQLite database in the temporary directory, exports it as SQLite
(timed), then serves the API with gunicorn (`mercwatch serve`, WEB_CONCURRENCY workers) and
Datasette with gunicorn and the same number of uvicorn workers, both on 127.0.0.1 only. Each
URL pair is driven by `wrk` (Debian's package; a bounded Python client when wrk is missing) for
`--seconds` after a short warm-up, `--rounds` times, mercwatch and Datasette in turn (so that
whatever else the machine does falls on both alike): the median of the rounds' requests per
second and p95 latencies, the ratio mercwatch/Datasette of the medians and the range of the
rounds' ratios; and, steadier on a shared machine, the processor time each server's processes
took per request (read from /proc), and its ratio. Bounded in time (seconds per run) and
loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P95_US=%d\\n", latency:percentile(95)))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def run(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def wait_for(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer from {url}")


def warm(url: str, times: int) -> None:
    for _ in range(times):
        with urllib.request.urlopen(url, timeout=120) as response:
            response.read()


def cpu_seconds(pid: int) -> float:
    """Give the processor time (user and system) that the process `pid` and every process under
    it took so far: its own, its finished children's (which the kernel adds to it when they are
    reaped, so a recycled worker's time stays counted) and its live descendants'."""
    parents: dict[int, int] = {}
    times: dict[int, tuple[int, int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        proc = int(stat.parent.name)
        parents[proc] = int(fields[1])
        own, reaped = int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
        times[proc] = (own, reaped)
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(children)
        frontier += children
    ticks = sum(times[p][0] for p in tree if p in times) + times.get(pid, (0, 0))[1]
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    rps: float  # requests a second
    p95_ms: float
    cpu_ms: float  # the server's processor time per request, whatever else the machine does


FIELDS = ("rps", "p95_ms", "cpu_ms")


def measure(server: subprocess.Popen[bytes], url: str, seconds: int, connections: int) -> Run:
    before = cpu_seconds(server.pid)
    rps, p95, requests = drive(url, seconds, connections)
    used = cpu_seconds(server.pid) - before
    return Run(rps, p95, used * 1000 / max(requests, 1))


def drive(url: str, seconds: int, connections: int) -> tuple[float, float, int]:
    """Give requests per second, p95 latency (ms) and the number of requests for `url` over
    `seconds`."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return python_drive(url, seconds, connections)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    out = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    os.unlink(script.name)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p95 = int(re.search(r"P95_US=(\d+)", out).group(1)) / 1000  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    return rps, p95, requests


def python_drive(url: str, seconds: int, connections: int) -> tuple[float, float, int]:
    """A bounded threaded client, for machines without wrk."""
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.monotonic() + seconds

    def worker() -> list[float]:
        times: list[float] = []
        while time.monotonic() < deadline and len(times) < 100_000:
            started = time.perf_counter()
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
            times.append(time.perf_counter() - started)
        return times

    with ThreadPoolExecutor(connections) as pool:
        results = [f.result() for f in [pool.submit(worker) for _ in range(connections)]]
    every = sorted(t for r in results for t in r)
    return len(every) / seconds, every[int(len(every) * 0.95)] * 1000, len(every)


def served_env(work: Path, workers: int, **extra: str) -> dict[str, str]:
    """Give the environment of a site served for a benchmark: production settings, a fresh
    SQLite file in `work`, `workers` workers, loopback only, the API rate limit off (every
    client shares one address); `extra` adds settings or overrides these."""
    return {
        **os.environ,
        "MERCWATCH_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MERCWATCH_VAR_DIR": str(work),
        "WEB_CONCURRENCY": str(workers),
        "MERCWATCH_API_RATE_LIMIT": "0",
        "ALLOWED_HOSTS": HOST,
        **extra,
    }


def start_server(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start `mercwatch serve` on a free loopback port; give the process and the port."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mercwatch"), "serve", "--host", HOST, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, port


def prepare(
    args: argparse.Namespace, work: Path, env: dict[str, str]
) -> tuple[Path, dict[str, float]]:
    data = Path(args.data)
    timings: dict[str, float] = {}
    if args.scale:
        data = work / f"synthetic-{args.scale}"
        timings["synthesize"] = run(
            [str(BIN / "mercwatch"), "synthesize", "--scale", str(args.scale), str(data)], env
        )
    timings["migrate"] = run([str(BIN / "mercwatch"), "migrate", "-v0"], env)
    timings["load"] = run([str(BIN / "mercwatch"), "load", str(data)], env)
    export = work / "mercwatch.sqlite"
    timings["export sqlite"] = run(
        [str(BIN / "mercwatch"), "export", "sqlite", "--out", str(export)], env
    )
    return export, timings


def serve(
    args: argparse.Namespace, export: Path, env: dict[str, str]
) -> tuple[list[subprocess.Popen[bytes]], int, int]:
    api, api_port = start_server(env)
    ds_port = free_port()
    datasette = subprocess.Popen(
        [
            str(BIN / "gunicorn"), "-w", str(args.workers), "-k", "uvicorn.workers.UvicornWorker",
            "-b", f"{HOST}:{ds_port}", "--chdir", str(ROOT / "benchmarks"), "api_datasette:app",
        ],
        env={**env, "BENCH_SQLITE": str(export)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return [api, datasette], api_port, ds_port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT / "data"), help="data directory")
    parser.add_argument("--scale", type=int, default=0, help="synthesize N× the data first")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10, help="per run (bounded)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each, in turn")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--actor", default="US", help="the government whose assessments to get")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--no-cache", action="store_true", help="turn the API's response cache off")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mw-api-bench-"))
    env = served_env(work, args.workers, MERCWATCH_API_CACHE="0" if args.no_cache else "256")
    export, timings = prepare(args, work, env)
    servers, api_port, ds_port = serve(args, export, env)
    pairs = {
        "100 measures (JSON)": (
            f"http://{HOST}:{api_port}/api/v1/measures?limit=100",
            f"http://{HOST}:{ds_port}/mercwatch/measures.json?_size=100&_shape=array",
        ),
        f"{args.actor} assessments with explanations": (
            f"http://{HOST}:{api_port}/api/v1/assessments?actor={args.actor}&framework=blueprint",
            f"http://{HOST}:{ds_port}/mercwatch/assessments.json?actor={args.actor}&_shape=array",
        ),
    }
    results = []
    try:
        for mine, theirs in pairs.values():
            wait_for(mine)
            wait_for(theirs)
        for label, (mine, theirs) in pairs.items():
            for url in (mine, theirs):
                warm(url, 20 * args.workers)
            rounds = [
                (measure(servers[0], mine, args.seconds, args.connections),
                 measure(servers[1], theirs, args.seconds, args.connections))
                for _ in range(max(1, args.rounds))
            ]  # fmt: skip
            m = [statistics.median(getattr(r[0], f) for r in rounds) for f in FIELDS]
            d = [statistics.median(getattr(r[1], f) for r in rounds) for f in FIELDS]
            ratios = sorted(a.rps / b.rps for a, b in rounds)
            results.append(
                {"case": label, "mercwatch_rps": round(m[0], 1), "mercwatch_p95_ms": m[1],
                 "mercwatch_cpu_ms": round(m[2], 3),
                 "datasette_rps": round(d[0], 1), "datasette_p95_ms": d[1],
                 "datasette_cpu_ms": round(d[2], 3),
                 "ratio_rps": round(m[0] / d[0], 2),
                 "ratio_range": [round(ratios[0], 2), round(ratios[-1], 2)],
                 "ratio_cpu": round(d[2] / m[2], 2)}
            )  # fmt: skip
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    report = {
        "data": f"{args.scale}× synthetic" if args.scale else args.data,
        "workers": args.workers,
        "response_cache": not args.no_cache,
        "seconds": args.seconds,
        "rounds": max(1, args.rounds),
        "connections": args.connections,
        "driver": "wrk" if shutil.which("wrk") else "python",
        "export_sqlite_bytes": export.stat().st_size,
        "timings_s": {k: round(v, 2) for k, v in timings.items()},
        "results": results,
    }
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=1))  # noqa: T201
        return
    cache = "on" if report["response_cache"] else "off"
    print(f"data: {report['data']}; {args.workers} workers each; API cache {cache}; "  # noqa: T201
          f"{report['driver']}, "
          f"{args.connections} connections, {args.seconds} s per run, "
          f"{report['rounds']} rounds each, medians")  # fmt: skip
    print(f"setup: {report['timings_s']}; SQLite export {report['export_sqlite_bytes']} bytes")  # noqa: T201
    for r in results:
        mine = (
            f"mercwatch {r['mercwatch_rps']:>7} req/s p95 {r['mercwatch_p95_ms']:>6.1f} ms "
            f"cpu {r['mercwatch_cpu_ms']:.2f} ms"
        )
        theirs = (
            f"datasette {r['datasette_rps']:>7} req/s p95 {r['datasette_p95_ms']:>6.1f} ms "
            f"cpu {r['datasette_cpu_ms']:.2f} ms"
        )
        spread = "–".join(map(str, r["ratio_range"]))
        print(  # noqa: T201
            f"{r['case']}\n  {mine} | {theirs}\n  "
            f"ratio {r['ratio_rps']} ({spread}), processor time per request {r['ratio_cpu']}"
        )


if __name__ == "__main__":
    main()
