"""A screening run: a list of names screened against one snapshot on one date, with the
record that makes it auditable – the data version and edition, the methodology, the threshold
and the time – and, with `since`, only the names whose result changed since that date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from mercwatch.screening.index import Index, index_for
from mercwatch.screening.lists import Query
from mercwatch.screening.matcher import METHODOLOGY, Hit, match
from mercwatch.screening.results import described, status
from mercwatch.tracker.snapshot import Snapshot


@dataclass
class Run:
    data_version: str
    edition: str | None
    threshold: float
    as_of: dt.date
    since: dt.date | None = None
    methodology: str = METHODOLOGY
    screened_at: str = field(
        default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    )
    names: int = 0
    results: list[dict[str, Any]] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """Give what the run was made from, as every output names it."""
        return {
            "data_version": self.data_version,
            "edition": self.edition,
            "methodology": self.methodology,
            "threshold": self.threshold,
            "as_of": self.as_of.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "screened_at": self.screened_at,
            "names": self.names,
        }

    def as_json(self) -> dict[str, Any]:
        return {"run": self.record(), "results": self.results}


def edition_on(data: Snapshot, day: dt.date) -> str | None:
    """Give the title of the latest edition of the data as of `day`, if any."""
    found = [e for e in data.editions if e.as_of <= day]
    return max(found, key=lambda e: e.as_of).title if found else None


def version_text(version: Hashable) -> str:
    """Give a data version as a run names it: "12 (stamp)"."""
    if isinstance(version, tuple) and len(version) == 2:
        return f"{version[0]} ({version[1]})"
    return str(version)


def _kind(data: Snapshot, hit: Hit) -> str:
    if hit.entry.listed:
        return "vendor"
    return data.actors[hit.entry.candidate].kind


def screen_one(
    data: Snapshot, index: Index, q: Query, *, on: dt.date, threshold: float
) -> list[dict[str, Any]]:
    """Give the matches of one query at or above `threshold`, best first, as of `on`."""
    hits = [h for h in match(q.name, index, country=q.country or None) if h.score >= threshold]
    if q.kind:
        hits = [h for h in hits if _kind(data, h) == q.kind]
    return [described(data, h, on) for h in hits]


def screen(
    data: Snapshot,
    queries: Iterable[Query],
    *,
    version: Hashable,
    as_of: dt.date | None = None,
    threshold: float | None = None,
    since: dt.date | None = None,
    step: Callable[[], None] | None = None,
) -> Run:
    """Screen every query; with `since`, keep only those whose result differs between `since`
    and `as_of` (a designation that started or ended, a tie that began or stopped)."""
    on = as_of or dt.date.today()
    limit = settings.SCREEN_THRESHOLD if threshold is None else threshold
    index = index_for(data, version)
    run = Run(version_text(version), edition_on(data, on), limit, on, since)
    for q in queries:
        run.names += 1
        matches = screen_one(data, index, q, on=on, threshold=limit)
        result: dict[str, Any] = {"query": q.name}
        if q.id:
            result["id"] = q.id
        if q.country:
            result["country"] = q.country
        if since is not None:
            before = screen_one(data, index, q, on=since, threshold=limit)
            if sorted(map(status, before)) == sorted(map(status, matches)):
                if step:
                    step()
                continue
            result["before"] = [_brief(m) for m in before]
        result["matches"] = matches
        run.results.append(result)
        if step:
            step()
    return run


def _brief(m: dict[str, Any]) -> dict[str, Any]:
    keys = ("actor", "name", "designated", "affiliated", "listed", "path")
    return {k: m[k] for k in keys}
