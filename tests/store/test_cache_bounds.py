"""The one cache keeps a worker under its ceiling however many dates readers ask for."""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import tracemalloc
from typing import Any

import pytest

from mercwatch.store import current
from mercwatch.store.current import current_snapshot, memo, size_of

pytestmark = pytest.mark.django_db


def test_what_is_built_for_dates_is_kept_within_its_budget_in_bytes(mini_db):
    snapshot = current_snapshot()
    budget = current.DATED_BYTES
    day = dt.date(2000, 1, 1)
    tracemalloc.start()
    try:
        start, _peak = tracemalloc.get_traced_memory()
        for n in range(1000):  # a megabyte built for each of 1,000 distinct dates
            memo(snapshot, ("test", day + dt.timedelta(days=n)), lambda: [bytes(1 << 20)])
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert grown < budget + (4 << 20)
    assert budget < 50 << 20
    kept = memo(snapshot, ("test", day + dt.timedelta(days=999)), lambda: ["rebuilt"])
    assert kept != ["rebuilt"]  # the newest is kept
    assert memo(snapshot, ("test", day), lambda: ["rebuilt"]) == ["rebuilt"]  # the oldest went


def test_size_of_counts_what_a_value_holds():
    assert size_of([bytes(1000)] * 3) < size_of([bytes(1000), bytes(1000), bytes(1000)])
    assert size_of({"a": "x" * 10_000}) > 10_000


def test_random_dates_on_the_api_fill_the_dated_budget_and_grow_the_worker_no_further(
    client, bundled_db, settings, monkeypatch
):
    """With a budget of 1 MB (32 MB by default) 150 dates fill it eight times over (about 56 kB
    each), as a thousand fill the default: the worker grows by the budget and the API's bounded
    cache of rendered answers (256 entries), not by what every date derived."""
    settings.API_RATE_LIMIT = 0  # one reader asking hundreds of times: not what is tested here
    monkeypatch.setattr(current, "DATED_BYTES", 1 << 20)
    built: list[int] = []  # the size of each value offered to the dated part of the cache
    keep = current._keep_dated

    def counted(cache: Any, key: Any, value: Any, size: int) -> None:
        built.append(size)
        keep(cache, key, value, size)

    monkeypatch.setattr(current, "_keep_dated", counted)
    rng = random.Random(11)
    days = rng.sample(range(365 * 30), 150)
    client.get("/api/v1/assessments?actor=US")
    gc.collect()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        for offset in days:
            day = dt.date(1996, 1, 1) + dt.timedelta(days=offset)
            response = client.get(f"/api/v1/assessments?actor=US&as_of={day.isoformat()}")
            assert response.status_code == 200
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert current._state["dated_bytes"] <= 1 << 20
    assert sum(built) > 4 * (1 << 20), f"{sum(built) / 2**20:.1f} MB built: the budget not filled"
    assert grown < (1 << 20) + (8 << 20), f"{grown / 2**20:.1f} MB"


def test_size_of_a_large_collection_is_estimated_from_a_sample_within_a_tenth():
    rows = [{"name": f"row {n}", "body": bytes(1000 + n % 7)} for n in range(10_000)]
    exact = sum(
        sys.getsizeof(r) + sys.getsizeof("name") + sys.getsizeof("body")
        + sys.getsizeof(r["name"]) + sys.getsizeof(r["body"])
        for r in rows
    ) + sys.getsizeof(rows)  # fmt: skip
    assert 0.9 * exact < size_of(rows) < 1.1 * exact
