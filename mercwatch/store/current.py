"""The one cache: the current snapshot and what is derived from it, per data version.

Every reader – the site, the API, the exports, the static build – asks here. The key is the
data version (`store.models.DataVersion`), which every write transaction moves on, read in one
query; a worker that sees a newer version builds the snapshot again on its next request and
drops everything derived from the older one. What is derived (the engine's inputs, one engine
per methodology version, assessments) is kept beside the snapshot: at most `MAX_ENTRIES` entries
of what depends on the data alone, and `DATED_BYTES` of what depends on a date too.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection

from mercwatch.store.database import snapshot_from_db
from mercwatch.store.models import DataVersion
from mercwatch.tracker.changes import EPOCH
from mercwatch.tracker.derive import (
    ActorIn,
    Assessment,
    Contribution,
    Engine,
    Inputs,
    SourceRef,
)
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.services.inputs import inputs_from
from mercwatch.tracker.snapshot import Snapshot

T = TypeVar("T")
Version = tuple[int, str]
MAX_ENTRIES = 256
_WHOLE_HISTORY = frozenset({EPOCH, dt.date.min, dt.date.max})  # bounds, not a reader's date
DATED_BYTES = settings.DATED_CACHE_MB * 1024 * 1024
_lock = threading.Lock()
_state: dict[str, Any] = {
    "version": None,
    "snapshot": None,
    "memo": OrderedDict(),
    "dated": OrderedDict(),
    "dated_bytes": 0,
}


def data_version() -> Version:
    """Give the data version: the write counter and the stamp of the last write (one query,
    asked on every request, so in plain SQL rather than through the ORM's query building)."""
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT counter, stamp FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def current_snapshot() -> Snapshot:
    """Give the database's snapshot, built again only when a write has moved the version on."""
    version = data_version()
    with _lock:
        if _state["version"] == version:
            return _state["snapshot"]  # type: ignore[no-any-return]
    snapshot = snapshot_from_db()
    with _lock:
        _state.update(version=version, snapshot=snapshot, memo=OrderedDict(), dated=OrderedDict())
        _state["dated_bytes"] = 0
    return snapshot


def memo(snapshot: Snapshot, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """Give `build()` for `key`, computed once per snapshot (that is, per data version).

    Each reader keeps to its own part of the cache: a key starts with the reader's name where
    another reader could use the same words ("api", "engine", "site"…). What is derived from the
    data alone (the engine, the indexes, the changes) is kept, at most MAX_ENTRIES of it; what
    is derived for one date (a key holding a date) is kept within DATED_BYTES, the oldest used
    first out, so that readers asking for any number of dates keep a worker under its ceiling.
    """
    dated = any(isinstance(part, dt.date) and part not in _WHOLE_HISTORY for part in key)
    with _lock:
        current = _state["snapshot"] is snapshot
        cache: OrderedDict[tuple[Any, ...], Any] = _state["dated" if dated else "memo"]
        if current and key in cache:
            cache.move_to_end(key)
            return cache[key][0] if dated else cache[key]  # type: ignore[no-any-return]
    value = build()  # outside the lock: a build may ask for what it is built of
    if not current:
        return value  # a snapshot that is not the current one (a data directory's): keep none
    size = size_of(value) if dated else 0
    with _lock:
        if _state["snapshot"] is snapshot:
            if dated:
                _keep_dated(cache, key, value, size)
            else:
                cache[key] = value
                while len(cache) > MAX_ENTRIES:
                    cache.popitem(last=False)
    return value


def _keep_dated(cache: OrderedDict[tuple[Any, ...], Any], key: Any, value: Any, size: int) -> None:
    if size > DATED_BYTES:
        return  # larger than the whole budget: built for this reader, kept for none
    cache[key] = (value, size)
    _state["dated_bytes"] += size
    while _state["dated_bytes"] > DATED_BYTES:
        _old, (_value, old_size) = cache.popitem(last=False)
        _state["dated_bytes"] -= old_size


# Held by the engine's cells, whose number the data bounds (tracker/derive.py): what a date's
# entry shares with them is not counted again in the budget of what dates add.
_HELD_BY_ENGINE = (Contribution, SourceRef)


def size_of(value: Any) -> int:
    """Give the bytes `value` takes with everything it holds (each object counted once, and
    none of what the engine holds for every date)."""
    seen: set[int] = set()
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, (type, *_HELD_BY_ENGINE)):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif hasattr(item, "__dict__"):
            stack.extend(vars(item).values())
        elif hasattr(item, "__slots__"):
            stack.extend(getattr(item, name) for name in item.__slots__ if hasattr(item, name))
    return total


def inputs(snapshot: Snapshot) -> Inputs:
    """Give the engine's inputs for the snapshot, built once."""
    return memo(snapshot, ("inputs",), lambda: inputs_from(snapshot))


def methodology(snapshot: Snapshot, version: str | None = None) -> MethodologyFile:
    """Give the methodology `version`, else the one MERCWATCH_METHODOLOGY names, else the
    latest: the rule every reader (site, API, exports, CLI) follows."""
    return methodology_of(snapshot, version or settings.METHODOLOGY_VERSION)


def engine(snapshot: Snapshot, version: str | None = None) -> Engine:
    """Give the engine under methodology `version` (the default if None: `methodology`)."""
    method = methodology(snapshot, version)
    return memo(snapshot, ("engine", method.version), lambda: Engine(method, inputs(snapshot)))


def cell(
    snapshot: Snapshot, version: str | None, actor: str, provision: str, day: dt.date
) -> Assessment:
    """Give one actor's assessment on one provision at `day` (the engine keeps each cell's
    stretches: a lookup)."""
    return engine(snapshot, version).assess(_actor_index(snapshot)[actor], provision, day)


def grid(
    snapshot: Snapshot,
    version: str | None,
    actors: tuple[str, ...],
    provisions: tuple[str, ...],
    day: dt.date,
) -> dict[tuple[str, str], Assessment]:
    """Give the assessments of `actors` × `provisions` at `day`, cached as one grid."""
    eng = engine(snapshot, version)
    index = _actor_index(snapshot)

    def build() -> dict[tuple[str, str], Assessment]:
        return {(a, p): eng.assess(index[a], p, day) for a in actors for p in provisions}

    return memo(snapshot, ("grid", eng.method.version, actors, provisions, day), build)


def _actor_index(snapshot: Snapshot) -> dict[str, ActorIn]:
    return memo(snapshot, ("engine", "actors"), lambda: {a.id: a for a in inputs(snapshot).actors})
