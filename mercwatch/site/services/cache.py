"""Derived assessments, cached per data version and methodology version.

`current_dataset()` gives the same object for as long as the data is unchanged, so everything
derived from it here is kept beside it and dropped the moment a write gives a new dataset.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from mercwatch.tracker.derive import Assessment, Engine, Inputs
from mercwatch.tracker.loader.validate import Dataset
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.services.inputs import inputs_from

T = TypeVar("T")
_MAX_ENTRIES = 256
_lock = threading.Lock()
_state: dict[str, Any] = {"data": None, "memo": OrderedDict()}


def memo(data: Dataset, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """Give `build()` for `key`, computed once per dataset (that is, per data version)."""
    with _lock:
        if _state["data"] is not data:
            _state["data"] = data
            _state["memo"] = OrderedDict()
        cache: OrderedDict[tuple[Any, ...], Any] = _state["memo"]
        if key in cache:
            cache.move_to_end(key)
            return cache[key]  # type: ignore[no-any-return]
    value = build()
    with _lock:
        if _state["data"] is data:
            cache[key] = value
            while len(cache) > _MAX_ENTRIES:
                cache.popitem(last=False)
    return value


def inputs(data: Dataset) -> Inputs:
    """Give the engine's inputs for the dataset, built once."""
    return memo(data, ("inputs",), lambda: inputs_from(data))


def engine(data: Dataset, version: str | None) -> Engine:
    """Give the derivation engine for the dataset under methodology `version` (latest if None)."""
    method = methodology_of(data, version)
    return memo(data, ("engine", method.version), lambda: Engine(method, inputs(data)))


def cell(
    data: Dataset, version: str | None, actor: str, provision: str, day: dt.date
) -> Assessment:
    """Give one actor's assessment on one provision at `day`."""
    eng = engine(data, version)
    actor_in = _actor_index(data)[actor]
    return memo(
        data,
        ("cell", eng.method.version, actor, provision, day),
        lambda: eng.assess(actor_in, provision, day),
    )


def grid(
    data: Dataset,
    version: str | None,
    actors: tuple[str, ...],
    provisions: tuple[str, ...],
    day: dt.date,
) -> dict[tuple[str, str], Assessment]:
    """Give the assessments of `actors` × `provisions` at `day`, cached as one grid."""
    eng = engine(data, version)
    index = _actor_index(data)

    def build() -> dict[tuple[str, str], Assessment]:
        return {(a, p): eng.assess(index[a], p, day) for a in actors for p in provisions}

    return memo(data, ("grid", eng.method.version, actors, provisions, day), build)


def _actor_index(data: Dataset) -> dict[str, Any]:
    return memo(data, ("actors",), lambda: {a.id: a for a in inputs(data).actors})
