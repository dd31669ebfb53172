"""The one cache: the current snapshot and what is derived from it, per data version.

Every reader – the site, the API, the exports, the static build – asks here. The key is the
data version (`store.models.DataVersion`), which every write transaction moves on, read in one
query; a worker that sees a newer version builds the snapshot again on its next request and
drops everything derived from the older one. What is derived (the engine's inputs, one engine
per methodology version, assessments) is kept beside the snapshot, at most `MAX_ENTRIES` of it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection

from mercwatch.store.database import snapshot_from_db
from mercwatch.store.models import DataVersion
from mercwatch.tracker.derive import ActorIn, Assessment, Engine, Inputs
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.services.inputs import inputs_from
from mercwatch.tracker.snapshot import Snapshot

T = TypeVar("T")
Version = tuple[int, str]
MAX_ENTRIES = 256
_lock = threading.Lock()
_state: dict[str, Any] = {"version": None, "snapshot": None, "memo": OrderedDict()}


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
        _state.update(version=version, snapshot=snapshot, memo=OrderedDict())
    return snapshot


def memo(snapshot: Snapshot, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """Give `build()` for `key`, computed once per snapshot (that is, per data version).

    Each reader keeps to its own part of the cache: a key starts with the reader's name where
    another reader could use the same words ("api", "engine", "site"…)."""
    with _lock:
        current = _state["snapshot"] is snapshot
        cache: OrderedDict[tuple[Any, ...], Any] = _state["memo"]
        if current and key in cache:
            cache.move_to_end(key)
            return cache[key]  # type: ignore[no-any-return]
    value = build()  # outside the lock: a build may ask for what it is built of
    if not current:
        return value  # a snapshot that is not the current one (a data directory's): keep none
    with _lock:
        if _state["snapshot"] is snapshot:
            cache[key] = value
            while len(cache) > MAX_ENTRIES:
                cache.popitem(last=False)
    return value


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
    """Give one actor's assessment on one provision at `day`."""
    eng = engine(snapshot, version)
    actor_in = _actor_index(snapshot)[actor]
    return memo(
        snapshot,
        ("cell", eng.method.version, actor, provision, day),
        lambda: eng.assess(actor_in, provision, day),
    )


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
