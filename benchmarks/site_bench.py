"""Server time per page type: median and p95 over repeated requests, in process.

    MERCWATCH_ENV=development .venv/bin/python benchmarks/site_bench.py            # bundled data
    MERCWATCH_ENV=development .venv/bin/python benchmarks/site_bench.py --data DIR # any data dir

With `--data DIR` the directory is loaded into a fresh SQLite database in the temporary directory
first (or the
`--database` URL given); without it the database of DATABASE_URL is used as it is. Each page is
requested once to warm the caches (its time is reported as `first`), then `--repeat` times as a
reader would meet it (`median`, `p95`: the page rendered for this data version and URL is kept),
`--repeat` times more with the rendered-page cache dropped before each request (`render`:
templates rendered again from the derived assessments, which stay cached per data version), and
`--cold` times with the caches of a moment dropped too (`derive`: assessments, rows, changes
and fragments computed again, as for a date nobody asked for before; what depends on the data
alone – the dataset, the engine's inputs, the engine per methodology version and the reverse
indexes – is rebuilt only when the data changes, and is kept). Then the scorecard, the busiest
government's page and its API assessments, each for today and for `--dates` random dates asked
once each, side by side.
Server time is the time Django takes to answer through its full middleware stack (Django's test
client, no network), which is what the targets are about.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


# Memo keys that depend on the data alone, not on the moment asked for (site/services/cache.py).
DATA_ONLY = {
    "inputs",
    "engine",
    "actors",
    "indexes",
    "governments",
    "provisions-for",
    "changes",
    "memberships",
}


def _setup(args: argparse.Namespace) -> None:
    os.environ.setdefault("MERCWATCH_ENV", "development")
    os.environ.setdefault("MERCWATCH_SEARCH_RATE_LIMIT", "0")  # the search is timed, not limited
    os.environ.setdefault("MERCWATCH_API_RATE_LIMIT", "0")  # so is the API
    if args.data:
        scratch = Path(tempfile.gettempdir()) / f"mw-bench-{Path(args.data).name}.sqlite3"
        url = args.database or f"sqlite:///{scratch}"
        os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mercwatch.settings")
    import django

    django.setup()
    if args.data and not args.reuse:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load", args.data)


def _ids() -> dict[str, str]:
    """Pick, from the loaded data, the busiest record of each kind to request."""
    from mercwatch.store.current import current_snapshot

    data = current_snapshot()
    counts: dict[str, int] = {}
    for _m in data.measures.values():
        actor = _m.actor
        counts[actor] = counts.get(actor, 0) + 1

    def busiest(kinds: set[str]) -> str:
        found = [a.id for a in data.actors.values() if a.kind in kinds]
        return max(found, key=lambda a: (counts.get(a, 0), a))

    targeted: dict[str, int] = {}
    for m in data.measures.values():
        for t in m.targets:
            targeted[t.actor] = targeted.get(t.actor, 0) + 1
    government = busiest({"country", "supranational"})
    others = sorted(a for a in data.actors if data.actors[a].kind == "country" and a != government)
    return {
        "government": government,
        "company": busiest({"company"}),
        "vendor": max(targeted, key=lambda a: (targeted[a], a)) if targeted else "",
        "measure": next(iter(data.measures)),
        "source": next(iter(data.sources)),
        "compare": f"ids={government}&ids={others[0]}&ids={others[1]}",
    }


def pages(ids: dict[str, str]) -> dict[str, str]:
    return {
        "scorecard": "/",
        "scorecard filtered and sorted": "/?joint=1&region=Europe&sort=blueprint/5&order=asc",
        "scorecard json": "/index.json",
        "government": f"/governments/{ids['government']}/",
        "government json": f"/governments/{ids['government']}.json",
        "recommendation": "/provisions/blueprint/5/",
        "principle": "/provisions/techaccord/1/",
        "company": f"/companies/{ids['company']}/",
        "vendor": f"/vendors/{ids['vendor']}/",
        "cross-checks": "/market/cross-checks/",
        "measure": f"/measures/{ids['measure']}/",
        "source": f"/sources/{ids['source']}/",
        "compare": f"/compare/?{ids['compare']}",
        "search": "/search/?q=spyware vendor",
        "methodology": "/methodology/",
        "changes": "/changes/",
        "changes feed": "/changes/feed.atom",
        "government feed": f"/governments/{ids['government']}/feed.atom",
    }


def measure(ids: dict[str, str], repeat: int, cold: int) -> list[dict[str, Any]]:
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    rows = []
    for name, path in pages(ids).items():
        start = time.perf_counter()
        response = client.get(path)
        first = time.perf_counter() - start
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        cached = _times(client, path, repeat, clear=False)
        rendered = _times(client, path, repeat, clear=True)
        derived = _times(client, path, cold, clear=True, derive=True)
        rows.append(
            {
                "page": name,
                "path": path,
                "first_ms": round(first * 1000, 1),
                "median_ms": _ms(statistics.median(cached)),
                "p95_ms": _ms(_p95(cached)),
                "render_median_ms": _ms(statistics.median(rendered)),
                "render_p95_ms": _ms(_p95(rendered)),
                "derive_median_ms": _ms(statistics.median(derived)),
                "derive_p95_ms": _ms(_p95(derived)),
                "bytes": len(response.content),
            }
        )
    return rows


def dated(ids: dict[str, str], count: int, seed: int) -> list[dict[str, Any]]:
    """Time pages that take a date, for today and for `count` dates nobody asked for before
    (random days from 2015 to today, each asked once): a lookup in the engine's stretches,
    so a random date should cost about what today costs once today's page is rendered again."""
    import datetime as dt
    import random

    from django.conf import settings
    from django.test import Client

    from mercwatch.site import twin

    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    rng = random.Random(seed)
    first, span = dt.date(2015, 1, 1), (dt.date.today() - dt.date(2015, 1, 1)).days
    days = rng.sample(range(span), min(count, span))
    rows = []
    for name, path in {
        "scorecard": "/",
        "government": f"/governments/{ids['government']}/",
        "api assessments": f"/api/v1/assessments?actor={ids['government']}&framework=blueprint",
    }.items():
        client.get(path)
        today = _times(client, path, count, clear=True)
        joiner = "&" if "?" in path else "?"
        times = []
        for offset in days:
            url = f"{path}{joiner}as_of={first + dt.timedelta(days=offset)}"
            twin._pages.clear()
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
        times.sort()
        rows.append(
            {
                "page": name,
                "today_median_ms": _ms(statistics.median(today)),
                "today_p95_ms": _ms(_p95(today)),
                "today_per_s": round(len(today) / sum(today)),
                "random_median_ms": _ms(statistics.median(times)),
                "random_p95_ms": _ms(_p95(times)),
                "random_per_s": round(len(times) / sum(times)),
            }
        )
    return rows


def _times(
    client: Any, path: str, repeat: int, *, clear: bool, derive: bool = False
) -> list[float]:
    """Time `repeat` requests; with `clear`, drop the rendered-page cache before each one, and
    with `derive` every derived cache as well."""
    from mercwatch.site import twin
    from mercwatch.store import current as cache

    times = []
    for _ in range(repeat):
        if clear:
            twin._pages.clear()
        if derive:
            memo = cache._state["memo"]
            for key in [k for k in memo if k[0] not in DATA_ONLY]:
                del memo[key]
        start = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - start)
    return sorted(times)


def _p95(times: list[float]) -> float:
    return times[max(0, -(-len(times) * 95 // 100) - 1)]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data directory to load first (e.g. a synthesized one)")
    parser.add_argument("--database", help="database URL to load it into")
    parser.add_argument("--reuse", action="store_true", help="the database is already loaded")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--cold", type=int, default=5, help="requests with no derived cache")
    parser.add_argument("--dates", type=int, default=100, help="random dates, each asked once")
    parser.add_argument("--seed", type=int, default=1, help="of the random dates")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    _setup(args)
    ids = _ids()
    rows = measure(ids, args.repeat, args.cold)
    any_date = dated(ids, args.dates, args.seed)
    if args.json:
        sys.stdout.write(json.dumps({"pages": rows, "dates": any_date}, indent=1) + "\n")
        return
    out = [
        "| page | first | median | p95 | render median | render p95 "
        "| derive median | derive p95 | bytes |"
    ]
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        out.append(
            f"| {r['page']} | {r['first_ms']} | {r['median_ms']} | {r['p95_ms']} | "
            f"{r['render_median_ms']} | {r['render_p95_ms']} | "
            f"{r['derive_median_ms']} | {r['derive_p95_ms']} | {r['bytes']} |"
        )
    out += ["", "Any date (rendered again each time; ms, and requests a second, one client):", ""]
    out.append("| page | today median | today p95 | today /s | random date median "
               "| random date p95 | random date /s |")  # fmt: skip
    out.append("|---|--:|--:|--:|--:|--:|--:|")
    for r in any_date:
        out.append(
            f"| {r['page']} | {r['today_median_ms']} | {r['today_p95_ms']} | {r['today_per_s']} "
            f"| {r['random_median_ms']} | {r['random_p95_ms']} | {r['random_per_s']} |"
        )
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
