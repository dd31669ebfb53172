"""Screening: quality of three matchers on the labelled set, then speed.

    MERCWATCH_ENV=development .venv/bin/python benchmarks/screen_bench.py [--scale 100]

Quality: precision, recall and F1 on tests/screening/evaluation.yaml against the bundled data,
for mercwatch's matcher, a naive baseline (rapidfuzz's plain ratio of the unnormalised strings,
best over every candidate name) and nomenklatura's logic-v2 (the `[matching]` extra; "not
installed" without it), each at its default threshold (mercwatch's setting, the same for the
baseline; 0.7 for logic-v2, yente's default), and at the threshold that gives each its best F1.
A case is right when the best candidate at the threshold is one it expects (a negative: none).

Speed, pinned to one core: a run of 10,000 distinct names (the whole run: matching, the market
rules, the results), one name's run (p50/p95 over 1,000 names), and building the index of the
data `--scale` times the bundled data (`mercwatch synthesize`), its name analysis cache emptied
(rigour's own tables, read once per process, read before) and the snapshot moved out of the
garbage collector's full collections first, as a worker does after a whole read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mercwatch.settings")
os.environ.setdefault("MERCWATCH_ENV", "development")

import django

django.setup()

from django.conf import settings  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from mercwatch.screening.evaluation import Case, cases_of, evaluate  # noqa: E402
from mercwatch.screening.index import build, entries_of  # noqa: E402
from mercwatch.screening.lists import Query  # noqa: E402
from mercwatch.screening.matcher import match  # noqa: E402
from mercwatch.screening.names import analyse  # noqa: E402
from mercwatch.screening.run import screen  # noqa: E402
from mercwatch.tracker.loader.validate import check_dir  # noqa: E402
from mercwatch.tracker.services.synthetic import synthesize  # noqa: E402
from mercwatch.tracker.snapshot import Snapshot  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "screening" / "evaluation.yaml"
Best = Callable[[str], tuple[str | None, float]]  # a query → the best candidate and its score
WORDS = (
    "Holdings", "Trading", "Services", "Partners", "Systems", "Consulting", "Logistics", "Energy",
    "Capital", "Media", "Foods", "Labs", "Digital", "Global", "Networks",
)  # fmt: skip


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def mercwatch_best(data: Snapshot) -> Best:
    index = build(data)

    def best(query: str) -> tuple[str | None, float]:
        hits = match(query, index)
        return (hits[0].entry.candidate, hits[0].score) if hits else (None, 0.0)

    return best


def baseline_best(data: Snapshot) -> Best:
    names = [(e.written, e.candidate) for e in entries_of(data)]

    def best(query: str) -> tuple[str | None, float]:
        score, candidate = max((fuzz.ratio(query, written) / 100, c) for written, c in names)
        return candidate, score

    return best


def logic_v2_best(data: Snapshot) -> Best | None:
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
    except ImportError:
        return None
    config = LogicV2.default_config()
    candidates = []
    for actor in (a for k in ("vendor", "company", "person") for a in data.actors_by_kind[k]):
        entity = model.make_entity("Person" if actor.kind == "person" else "Company")
        entity.id = f"candidate-{actor.id}"
        entity.add("name", actor.name)
        entity.add("alias", [a.name for a in actor.aliases])
        candidates.append((actor.id, entity))
    counter = iter(range(10**9))

    def best(query: str) -> tuple[str | None, float]:
        q = model.make_entity("LegalEntity")
        q.id = f"query-{next(counter)}"  # logic-v2 keeps what it derived of an entity by its ID
        q.add("name", query)
        scored = [(LogicV2.compare(q, entity, config).score, c) for c, entity in candidates]
        score, candidate = max(scored)
        return (candidate, score) if score > 0 else (None, 0.0)

    return best


def quality(cases: list[Case], best: Best, default: float) -> str:
    found = [best(c.query) for c in cases]

    def at(threshold: float) -> tuple[float, float, float]:
        answers = {c.query: (cand if score >= threshold else None) for c, (cand, score) in
                   zip(cases, found, strict=True)}  # fmt: skip
        s = evaluate(cases, answers.__getitem__)
        return s.precision, s.recall, s.f1

    p, r, f = at(default)
    sweep = [t / 100 for t in range(30, 100)]
    top = max(sweep, key=lambda t: (at(t)[2], -abs(t - default)))
    bp, br, bf = at(top)
    return (f"{default:9.2f} {p:9.3f} {r:7.3f} {f:6.3f}   "
            f"{top:9.2f} {bp:9.3f} {br:7.3f} {bf:6.3f}")  # fmt: skip


def names_list(cases: list[Case], count: int) -> list[Query]:
    """Give `count` distinct names: the set's queries, then each with a word or two added."""
    out: list[Query] = []
    seen: set[str] = set()
    rounds = 0
    while len(out) < count:
        for c in cases:
            words = [] if rounds == 0 else [WORDS[rounds % len(WORDS)], str(rounds // len(WORDS))]
            name = " ".join([c.query, *words])
            if name not in seen:
                seen.add(name)
                out.append(Query(name))
            if len(out) == count:
                break
        rounds += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, help="the data for the index's build")
    parser.add_argument("--names", type=int, default=10_000, help="names of the list run")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    data = check_dir(ROOT / "data").snapshot
    cases = cases_of(SET)
    default = settings.SCREEN_THRESHOLD
    say(f"quality on {len(cases)} cases ({sum(1 for c in cases if not c.expect)} negatives)")
    say(f"{'matcher':12} {'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}   "
          f"{'best at':>9} {'precision':>9} {'recall':>7} {'F1':>6}")  # fmt: skip
    say(f"{'mercwatch':12} {quality(cases, mercwatch_best(data), default)}")
    say(f"{'baseline':12} {quality(cases, baseline_best(data), default)}")
    logic = logic_v2_best(data)
    say(f"{'logic-v2':12} {quality(cases, logic, 0.7) if logic else 'not installed'}")

    on = dt.date(2026, 1, 1)
    names = names_list(cases, args.names)
    analyse.cache_clear()
    started = time.perf_counter()
    run = screen(data, names, version="bench", as_of=on)
    took = time.perf_counter() - started
    found = sum(1 for r in run.results if r["matches"])
    say(f"\n{len(names):,} names screened in {took:.2f} s ({len(names) / took:,.0f} names/s, "
          f"{found:,} with a match), one core")  # fmt: skip
    singles = names_list(cases, 1000)
    times = []
    for q in singles:
        started = time.perf_counter()
        screen(data, [Query(q.name + " Ltd")], version="bench", as_of=on)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    say(f"one name: p50 {statistics.median(times):.2f} ms, p95 {p95:.2f} ms ({len(times)} names)")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "data"
        synthesize(ROOT / "data", out, args.scale)
        big = check_dir(out).snapshot
        analyse("Warm-up Ltd")  # rigour reads its tables once per process, not per index
        analyse.cache_clear()
        gc.collect()
        gc.freeze()  # as a worker does after a whole read (store/current.py `settle`)
        started = time.perf_counter()
        index = build(big)
        took = time.perf_counter() - started
        say(f"index at {args.scale}×: {len(index.entries):,} names in {took:.2f} s "
              f"(name analysis cache emptied first)")  # fmt: skip


if __name__ == "__main__":
    main()
