"""The one cache: the current snapshot and what is derived from it, per data version.

Every reader – the site, the API, the exports, the static build – asks here. The key is the
data version (`store.models.DataVersion`), which every write transaction moves on, read in one
query; a worker that sees a newer version builds the snapshot again on its next request and
drops everything derived from the older one. What is derived (the engine's inputs, one engine
per methodology version, assessments) is kept beside the snapshot: at most `MAX_ENTRIES` entries
of what depends on the data alone, and `DATED_BYTES` of what depends on a date too.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import gc
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar

from django.conf import settings
from django.db import connection

from mercwatch.store.database import Unpatchable, patched, snapshot_from_db
from mercwatch.store.models import DataChange, DataVersion
from mercwatch.tracker.changes import EPOCH, Change, every_change
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
    "previous": {},  # the engines and inputs of the version patched from, for the next to reuse
    "unsettled": False,  # a snapshot was read whole since the last `settle()`
}


# Inside `one_version`: the version read first, kept to the end of the block (empty until then).
_pinned: contextvars.ContextVar[list[Version] | None] = contextvars.ContextVar(
    "pinned", default=None
)


def data_version() -> Version:
    """Give the data version: the write counter and the stamp of the last write (one query,
    asked on every request, so in plain SQL rather than through the ORM's query building);
    inside `one_version`, the version read first there."""
    held = _pinned.get()
    if held:
        return held[0]
    version = _read_version()
    if held is not None:
        held.append(version)
    return version


@contextmanager
def one_version() -> Iterator[None]:
    """Keep the data version first read inside for the rest of the block: a read request
    (store/middleware.py) answers from one version from start to end – its key, its
    validators, its snapshot – and asks the database once rather than three times. A write
    inside lets go of it (`unpin`)."""
    token = _pinned.set([])
    try:
        yield
    finally:
        _pinned.reset(token)


def unpin() -> None:
    """Make `data_version` ask the database again (the write path, once it moved the version)."""
    held = _pinned.get()
    if held:
        held.clear()


def _read_version() -> Version:
    table = connection.ops.quote_name(DataVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT counter, stamp FROM {table} WHERE id = 1")
        row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def current_snapshot() -> Snapshot:
    """Give the database's snapshot, built again only when a write has moved the version on:
    patched with the records the writes since touched when the log holds them all, else read
    whole (`store/database.py`)."""
    version = data_version()
    with _lock:
        if _state["version"] == version:
            return _state["snapshot"]  # type: ignore[no-any-return]
        held_version, held, held_memo = _state["version"], _state["snapshot"], _state["memo"]
    snapshot, patched_from = None, None
    if held is not None and settings.PATCH_SNAPSHOTS:
        touched = touched_since(held_version, version)
        if touched is not None:
            try:
                snapshot = patched(held, touched.records, in_place=touched.in_place)
                patched_from = held
            except Unpatchable:
                snapshot = None
    if snapshot is None:
        snapshot = snapshot_from_db()
        _state["unsettled"] = True
    previous = {}
    if patched_from is not None:
        previous = {key: value for key, value in held_memo.items() if _carried(key)}
        previous[("snapshot",)] = patched_from
    with _lock:
        _state.update(version=version, snapshot=snapshot, memo=OrderedDict(), dated=OrderedDict())
        _state.update(dated_bytes=0, previous=previous)
    return snapshot


def settle(**_signal: Any) -> None:
    """After a snapshot was read whole (a worker's first read, a `load`), and what was derived
    from it with it: collect the garbage, then move every object left to the collector's
    permanent generation (`gc.freeze`), where full collections no longer walk them.

    At 100 times the bundled data, a full collection walks millions of objects, snapshot and
    engine, in 0.4–0.9 s, and falls every few writes in some reader's first request after one
    (`benchmarks/write_bench.py` counts them). Frozen, the snapshot's records still go when the
    last reference to them does; a write's patched version then holds few objects that are not
    frozen. Called at the end of a request (the `request_finished` signal) and by the warm-up
    before the server forks its workers (which then share the frozen pages unwritten)."""
    with _lock:
        if not _state["unsettled"] or not settings.FREEZE_SNAPSHOTS:
            return
        _state["unsettled"] = False
    gc.collect()
    gc.freeze()


def _carried(key: tuple[Any, ...]) -> bool:
    """Tell whether a patched version takes over what the version before kept under `key`:
    the engine's inputs, the engine and every change, per methodology version."""
    return key == ("inputs",) or (len(key) == 2 and key[0] in {"engine", "changes"})


class Touched(NamedTuple):
    """The records the writes between two versions touched, and whether every one of those
    writes left each record in its place (store.DataChange `in_place`)."""

    records: set[tuple[str, str]]
    in_place: bool


def touched_since(held: Version | None, version: Version) -> Touched | None:
    """Give the records the writes from version `held` to `version` touched, or None if the
    log cannot tell (a write touched too much, a version not in the log's unbroken chain)."""
    if held is None or held[0] >= version[0]:
        return None
    rows = list(
        DataChange.objects.filter(counter__gt=held[0], counter__lte=version[0]).order_by("counter")
    )
    if len(rows) != version[0] - held[0] or rows[-1].after != version[1]:
        return None
    touched: set[tuple[str, str]] = set()
    stamp = held[1]
    for row in rows:
        if row.whole or row.before != stamp:
            return None
        touched.update((kind, key) for kind, key in row.records)
        stamp = row.after
    return Touched(touched, all(row.in_place for row in rows))


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


SAMPLE = 32  # items of a large collection whose sizes stand for the rest's


def size_of(value: Any) -> int:
    """Give the bytes `value` takes with everything it holds (each object counted once, and
    none of what the engine holds for every date); for a collection of more than 2 × SAMPLE
    items, SAMPLE of them evenly spread stand for all (the entries are lists and grids of
    records of one shape, and measuring each of 1,000 costs more than deriving them)."""
    seen: set[int] = set()
    total = 0.0
    stack: list[tuple[Any, float]] = [(value, 1.0)]
    while stack:
        item, weight = stack.pop()
        if id(item) in seen or isinstance(item, (type, *_HELD_BY_ENGINE)):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item) * weight
        children: list[Any]
        if isinstance(item, dict):
            children = [*item.keys(), *item.values()]
        elif isinstance(item, list | tuple | set | frozenset):
            children = list(item)
        elif hasattr(item, "__dict__"):
            children = list(vars(item).values())
        elif hasattr(item, "__slots__"):
            children = [getattr(item, name) for name in item.__slots__ if hasattr(item, name)]
        else:
            continue
        if len(children) > 2 * SAMPLE:
            step = len(children) // SAMPLE
            sample = children[::step]
            weight *= len(children) / len(sample)
            children = sample
        stack.extend((child, weight) for child in children)
    return int(total)


def _previous(snapshot: Snapshot, key: tuple[Any, ...]) -> Any:
    """Give what the version `snapshot` was patched from kept under `key`, if anything."""
    with _lock:
        if _state["snapshot"] is not snapshot:
            return None
        return _state["previous"].get(key)


def inputs(snapshot: Snapshot) -> Inputs:
    """Give the engine's inputs for the snapshot, built once (from those of the version it was
    patched from, for every record it shares with that one)."""

    def build() -> Inputs:
        before, held = _previous(snapshot, ("snapshot",)), _previous(snapshot, ("inputs",))
        return inputs_from(snapshot, None if held is None else (before, held))

    return memo(snapshot, ("inputs",), build)


def methodology(snapshot: Snapshot, version: str | None = None) -> MethodologyFile:
    """Give the methodology `version`, else the one MERCWATCH_METHODOLOGY names, else the
    latest: the rule every reader (site, API, exports, CLI) follows."""
    return methodology_of(snapshot, version or settings.METHODOLOGY_VERSION)


def engine(snapshot: Snapshot, version: str | None = None) -> Engine:
    """Give the engine under methodology `version` (the default if None: `methodology`)."""
    method = methodology(snapshot, version)
    key = ("engine", method.version)

    def build() -> Engine:
        return Engine(method, inputs(snapshot), previous=_previous(snapshot, key))

    return memo(snapshot, key, build)


def changes(snapshot: Snapshot, version: str | None = None) -> list[Change]:
    """Give every level change under methodology `version`, oldest first, derived once per data
    version (after a write, from the version before's, for the actors the write touched alone:
    `every_change`); each reader slices it (`tracker.changes.within`)."""
    eng = engine(snapshot, version)
    key = ("changes", eng.method.version)
    return memo(snapshot, key, lambda: every_change(eng, _previous(snapshot, key)))


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
