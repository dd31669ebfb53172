"""What the API endpoints give: filtered records of the current dataset, and pages of them.

Plain functions over a `Snapshot`; derived lists are kept in the one cache (store/current.py),
so they are rebuilt only after a write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, overload
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from mercwatch.api import records
from mercwatch.api.records import Record
from mercwatch.site.services.explain import Shown, shown
from mercwatch.store import current
from mercwatch.store.current import engine
from mercwatch.tracker.changes import within
from mercwatch.tracker.derive import Assessment
from mercwatch.tracker.services.assessments import DataError, assess
from mercwatch.tracker.snapshot import NotFound, Snapshot

T = TypeVar("T")


def memo(data: Snapshot, key: tuple[Any, ...], build: Callable[[], T]) -> T:
    """Give `build()` for `key`, from the one cache, in the API's own part of it."""
    return current.memo(data, ("api", *key), build)


class BadParameter(Exception):
    """A parameter naming something the data does not hold (an unknown edition, say): a 422."""

    def __init__(self, parameter: str, detail: str) -> None:
        super().__init__(detail)
        self.parameter = parameter


def page(
    items: Sequence[T], *, limit: int, offset: int, url: str, query: dict[str, str]
) -> dict[str, Any]:
    """Give one page of `items`: the total, the window, and the URLs of the previous and next
    pages (None at either end). `previous` of a page past the end is the last page."""

    def at(start: int) -> str:
        return url + "?" + urlencode({**query, "offset": str(start), "limit": str(limit)})

    following = offset + limit
    nxt = at(following) if following < len(items) else None
    previous = None
    if offset > 0:
        last = max(0, (len(items) - 1) // limit * limit)
        previous = at(min(max(0, offset - limit), last))
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "previous": previous,
        "next": nxt,
        "items": list(items[offset:following]),
    }


def frameworks(data: Snapshot) -> list[Record]:
    return memo(
        data, ("frameworks",), lambda: [records.framework(data, f) for f in data.frameworks]
    )


def provisions(data: Snapshot, *, framework: str | None, parent: str | None) -> list[Record]:
    every = memo(
        data, ("provisions",), lambda: [records.provision(data, c) for c in data.provisions]
    )
    return [
        p for p in every
        if (framework is None or p["framework"] == framework)
        and (parent is None or p["parent"] == parent)
    ]  # fmt: skip


def actors(
    data: Snapshot, *, kind: str | None, membership: str | None, country: str | None
) -> list[Record]:
    every = memo(data, ("actors",), lambda: [records.actor(data, a) for a in data.actors.values()])
    members = None
    if membership is not None:
        members = {m.actor for m in data.memberships.get(membership, ())}
    return [
        a for a in every
        if (kind is None or a["kind"] == kind)
        and (members is None or a["id"] in members)
        and (country is None or country in (a["country"], _own_country(a)))
    ]  # fmt: skip


def _own_country(actor: Record) -> str | None:
    return str(actor["id"]) if actor["kind"] == "country" else None


def memberships(data: Snapshot, **where: str | None) -> list[Record]:
    every = memo(data, ("memberships",), lambda: records.memberships(data))
    return _where(every, where)


def sources(data: Snapshot, **where: str | None) -> list[Record]:
    every = memo(data, ("sources",), lambda: [records.source(data, s) for s in data.sources])
    return _where(every, where)


def _where(items: list[Record], where: dict[str, str | None]) -> list[Record]:
    wanted = {k: v for k, v in where.items() if v is not None}
    return [r for r in items if all(r[k] == v for k, v in wanted.items())]


class Stamped(Sequence[Record]):
    """The measures as of a day: their records, derived once per data version, each given its
    status at the day only when read (a page of 100 of 13,000 costs 100 copies, not 13,000)."""

    def __init__(
        self, every: list[Record], windows: list[tuple[dt.date, dt.date | None]], day: dt.date
    ) -> None:
        self.every, self.windows, self.day = every, windows, day

    def __len__(self) -> int:
        return len(self.every)

    @overload
    def __getitem__(self, index: int) -> Record: ...
    @overload
    def __getitem__(self, index: slice) -> list[Record]: ...
    def __getitem__(self, index: int | slice) -> Record | list[Record]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        stamped = dict(self.every[index])  # "status" keeps its place among the keys
        stamped["status"] = records.status_in(self.windows[index], self.day)
        return stamped

    def statuses(self) -> list[str]:
        return [records.status_in(w, self.day) for w in self.windows]


def all_measures(data: Snapshot, day: dt.date) -> Stamped:
    method = current.methodology(data)
    every = memo(data, ("measures",), lambda: [records.measure(data, mid) for mid in data.measures])
    windows = memo(
        data,
        ("measure windows", method.version),
        lambda: [records.window(method, m) for m in data.measures.values()],
    )
    return Stamped(every, windows, day)


def measures(
    data: Snapshot,
    *,
    day: dt.date,
    actor: str | None = None,
    type: str | None = None,
    provision: str | None = None,
    target: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    status: str | None = None,
) -> Sequence[Record]:
    """Give the measures that pass every filter; dates compare by the measure's first day."""
    stamped = all_measures(data, day)
    if all(v is None for v in (actor, type, provision, target, date_from, date_to, status)):
        return stamped
    every = stamped.every
    firsts = memo(data, ("first days",), lambda: [data.measures[m["id"]].date.first_day()
                                                   for m in every])  # fmt: skip
    statuses = stamped.statuses() if status is not None else [None] * len(every)
    return [
        stamped[index]
        for index, (m, first, now) in enumerate(zip(every, firsts, statuses, strict=True))
        if (actor is None or m["actor"] == actor)
        and (type is None or m["type"] == type)
        and (status is None or now == status)
        and (provision is None or any(k["provision"] == provision for k in m["links"]))
        and (target is None or any(t["actor"] == target for t in m["targets"]))
        and (date_from is None or first >= date_from)
        and (date_to is None or first <= date_to)
    ]


def relationships(data: Snapshot, *, actor: str | None, **where: str | None) -> list[Record]:
    every = memo(data, ("relationships",), lambda: records.relationships(data))
    found = _where(every, where)
    return [r for r in found if actor is None or actor in (r["subject"], r["object"])]


def assessments(
    data: Snapshot,
    *,
    as_of: dt.date,
    framework: str | None,
    actor: str | None,
    provision: str | None,
    methodology: str | None,
    every_contribution: bool = False,
) -> list[Record]:
    """Give the assessments at `as_of`, each explained by its deciding contributions (the ones
    the site's pages show) with a link to the rest, or by `every_contribution`."""

    def build() -> list[Record]:
        found = assess(
            data,
            as_of=as_of,
            framework=framework,
            actors=None if actor is None else [actor],
            provisions=None if provision is None else [provision],
            version=methodology,
            engine=engine(data, methodology),
        )
        return [_explained(a, every_contribution, methodology) for a in found]

    key = ("assessments", as_of, framework, actor, provision, methodology, every_contribution)
    return memo(data, key, build)


def _explained(a: Assessment, every: bool, methodology: str | None) -> Record:
    record = (Shown(a, a.contributions, 0) if every else shown(a)).as_dict()
    query = {"actor": a.actor, "provision": a.provision, "as_of": a.as_of.isoformat()}
    if methodology is not None:
        query["methodology"] = methodology
    record["explanation"]["evidence"] = "/api/v1/contributions?" + urlencode(query)
    return record


def contributions(
    data: Snapshot, *, actor: str, provision: str, as_of: dt.date, methodology: str | None
) -> list[Record]:
    """Give every contribution behind one assessment, in the engine's order (as the site's
    evidence pages list them)."""

    def build() -> list[Record]:
        found = assess(
            data,
            as_of=as_of,
            actors=[actor],
            provisions=[provision],
            version=methodology,
            engine=engine(data, methodology),
        )
        if not found:
            raise NotFound(
                _("%(actor)r is not assessed on %(provision)r")
                % {"actor": actor, "provision": provision}
            )
        return [c.as_dict() for c in found[0].contributions]

    return memo(data, ("contributions", as_of, actor, provision, methodology), build)


def editions(data: Snapshot) -> list[Record]:
    return records.editions(data)


def edition_date(data: Snapshot, parameter: str, edition: str) -> tuple[dt.date, str]:
    for e in data.editions:
        if e.id == edition:
            return e.as_of, e.methodology
    raise BadParameter(parameter, _("no edition %(id)r") % {"id": edition})


def changes(
    data: Snapshot,
    *,
    since: dt.date | None,
    until: dt.date | None,
    from_edition: str | None,
    to_edition: str | None,
    actor: str | None,
    provision: str | None,
    today: dt.date,
) -> list[Record]:
    """Give the level changes after `since` (or an edition) up to `until` (or an edition)."""
    version = None
    if from_edition is not None:
        since, version = edition_date(data, "from_edition", from_edition)
    if to_edition is not None:
        until, version = edition_date(data, "to_edition", to_edition)
    start = since or dt.date(1900, 1, 1)
    end = until or today
    if end <= start:
        return []  # an empty period has no changes
    if version is not None and version not in data.methodologies:
        raise DataError([f"edition methodology {version!r} is not in the data"])

    def build() -> list[Record]:
        found = within(
            current.changes(data, version),
            start,
            end,
            actors=None if actor is None else {actor},
            provisions=None if provision is None else {provision},
        )
        return [c.as_dict() for c in found]

    return memo(data, ("api", "changes", start, end, actor, provision, version), build)


def one(items: list[Record], key: str, value: str) -> Record:
    """Give the record whose `key` is `value`, or raise NotFound."""
    for item in items:
        if item[key] == value:
            return item
    raise NotFound(_("no record with %(key)s %(value)r") % {"key": key, "value": value})
