"""Assessments of the data in the database or in a data directory."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable
from pathlib import Path

from mercwatch.tracker.derive import Assessment, Engine, Inputs
from mercwatch.tracker.loader.dump import file_models
from mercwatch.tracker.loader.validate import Dataset, check_dir, check_texts
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.services.inputs import inputs_from


class DataError(Exception):
    """Data that cannot be scored; `errors` holds each problem as `path:line: field: reason`."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def dataset_from_db() -> Dataset:
    """Give the database's data as a checked dataset, read the way the data files are."""
    data = check_texts(file_models())
    if data.errors:
        raise DataError([str(e) for e in data.errors])
    return data


_cache: dict[tuple[int, ...], Dataset] = {}


def data_version() -> tuple[int, ...]:
    """Give a key that changes with every write: the newest revision of each table."""
    from django.apps import apps
    from django.db import connection

    tables = [
        connection.ops.quote_name(model._meta.db_table)
        for app in ("tracker", "market", "workflow")
        for model in apps.get_app_config(app).get_models()
        if model.__name__.startswith("Historical")
    ]
    # One round trip: every table's newest revision ID, in one row.
    sql = "SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {t})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return tuple(int(value or 0) for value in row)


def current_dataset() -> Dataset:
    """Give the database's dataset, rebuilt only when the data has changed since last time."""
    version = data_version()
    cached = _cache.get(version)
    if cached is None:
        cached = dataset_from_db()
        if _cache:
            # The dataset it replaces may have been frozen out of the collector at start
            # (site/warm.py): hand it back, so that its reference cycles can be collected.
            gc.unfreeze()
        _cache.clear()
        _cache[version] = cached
    return cached


def dataset_from_dir(root: Path) -> Dataset:
    data = check_dir(root)
    if data.errors:
        raise DataError([str(e) for e in data.errors])
    return data


def methodology_of(data: Dataset, version: str | None = None) -> MethodologyFile:
    """Give the methodology `version`, or the latest one."""
    if version:
        if version not in data.methodologies:
            known = ", ".join(sorted(data.methodologies)) or "none"
            raise DataError([f"methodology: no version {version!r} (known: {known})"])
        return data.methodologies[version][1]
    latest = data.latest_methodology()
    if latest is None:
        raise DataError(["methodology: no methodology file"])
    return latest


def assess(
    data: Dataset,
    *,
    as_of: dt.date,
    framework: str | None = None,
    actors: Iterable[str] | None = None,
    provisions: Iterable[str] | None = None,
    version: str | None = None,
    kinds: Iterable[str] | None = None,
) -> list[Assessment]:
    """Give assessments at `as_of`, for the actors whose kind is assessed on `framework` (places
    that are not states, such as Antarctica, are not assessed: tracker/states.py)."""
    method = methodology_of(data, version)
    codes = [
        code
        for code, (fw, _parent, _entry) in data.provisions.items()
        if (framework is None or fw == framework) and (provisions is None or code in provisions)
    ]
    wanted_kinds = (
        set(kinds)
        if kinds is not None
        else {
            kind
            for scope in method.scope
            for kind in scope.actor_kinds
            if any(
                scope.covers(provision=c, framework=data.provisions[c][0], actor_kind=kind)
                for c in codes
            )
        }
    )
    wanted_actors = None if actors is None else set(actors)
    engine = engine_of(data, method.version)
    return [
        engine.assess(actor, code, as_of)
        for actor in engine.inputs.actors
        if actor.kind in wanted_kinds
        and not actor.not_assessed
        and (wanted_actors is None or actor.id in wanted_actors)
        for code in codes
    ]


def inputs_of(data: Dataset) -> Inputs:
    """Give the engine's inputs for `data`, built once per dataset."""
    inputs = data.memo.get("inputs")
    if inputs is None:
        inputs = data.memo["inputs"] = inputs_from(data)
    return inputs


def engine_of(data: Dataset, version: str | None = None) -> Engine:
    """Give the engine for `data` under a methodology version, built once per dataset."""
    method = methodology_of(data, version)
    key = ("engine", method.version)
    engine = data.memo.get(key)
    if engine is None:
        engine = data.memo[key] = Engine(method, inputs_of(data))
    return engine
