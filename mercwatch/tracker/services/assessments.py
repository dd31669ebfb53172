"""Assessments of a snapshot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mercwatch.tracker.derive import Assessment, Engine
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.services.inputs import inputs_from
from mercwatch.tracker.snapshot import Snapshot


class DataError(Exception):
    """Data that cannot be scored; `errors` holds each problem as `path:line: field: reason`."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def methodology_of(data: Snapshot, version: str | None = None) -> MethodologyFile:
    """Give the methodology `version`, or the latest one."""
    if version:
        if version not in data.methodologies:
            known = ", ".join(sorted(data.methodologies)) or "none"
            raise DataError([f"methodology: no version {version!r} (known: {known})"])
        return data.methodologies[version].rules
    latest = data.latest_methodology()
    if latest is None:
        raise DataError(["methodology: no methodology file"])
    return latest


def engine_for(data: Snapshot, version: str | None = None) -> Engine:
    """Give a new engine for `data` (readers of the database share one: store/current.py)."""
    return Engine(methodology_of(data, version), inputs_from(data))


def assessed_kinds(data: Snapshot, method: MethodologyFile, codes: Iterable[str]) -> set[str]:
    """Give the kinds of actor the methodology assesses on any of the provisions `codes`."""
    return {
        kind
        for c in codes
        for kind in method.kinds_assessed(provision=c, framework=data.provisions[c].framework)
    }


def provisions_assessed(
    data: Snapshot, method: MethodologyFile, kinds: Iterable[str]
) -> tuple[str, ...]:
    """Give the provisions the methodology assesses any of `kinds` on, in the files' order
    (for governments: the scorecard's columns)."""
    kinds = set(kinds)
    return tuple(
        code
        for code, p in data.provisions.items()
        if any(method.assesses(k, provision=code, framework=p.framework) for k in kinds)
    )


def assess(
    data: Snapshot,
    *,
    as_of: dt.date,
    framework: str | None = None,
    actors: Iterable[str] | None = None,
    provisions: Iterable[str] | None = None,
    version: str | None = None,
    kinds: Iterable[str] | None = None,
    engine: Engine | None = None,
) -> list[Assessment]:
    """Give assessments at `as_of`, for the actors whose kind is assessed on `framework` (places
    that are not states, such as Antarctica, are not assessed: tracker/states.py)."""
    method = methodology_of(data, version)
    wanted_codes = None if provisions is None else set(provisions)
    codes = [
        p.code
        for p in data.provisions.values()
        if (framework is None or p.framework == framework)
        and (wanted_codes is None or p.code in wanted_codes)
    ]
    wanted_kinds = set(kinds) if kinds is not None else assessed_kinds(data, method, codes)
    wanted_actors = None if actors is None else set(actors)
    engine = engine or engine_for(data, method.version)
    return [
        engine.assess(actor, code, as_of)
        for actor in engine.inputs.actors
        if actor.kind in wanted_kinds
        and not actor.not_assessed
        and (wanted_actors is None or actor.id in wanted_actors)
        for code in codes
    ]
