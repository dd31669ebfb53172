"""What changed between two dates or two editions, for the changes page and the feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.site.services.links import actor_url
from mercwatch.site.services.moment import BadInput, parse_day
from mercwatch.store import current as cache
from mercwatch.store.history import latest_labels
from mercwatch.tracker.changes import Change, within
from mercwatch.tracker.snapshot import Snapshot


def between(
    data: Snapshot,
    version: str | None,
    since: dt.date,
    until: dt.date,
    *,
    actors: set[str] | None = None,
    provisions: set[str] | None = None,
    limit: int | None = None,
) -> list[Change]:
    """Give the changes after `since` up to and including `until`, newest first (the `limit`
    newest, if given)."""
    every = cache.changes(data, version)
    return within(
        every, since, until, actors=actors, provisions=provisions, newest_first=True, limit=limit
    )


def period_from(data: Snapshot, params: dict[str, str], today: dt.date) -> dict[str, Any]:
    """Give the period a query asks for: `from`/`to` editions or `since`/`until` dates."""
    editions = {e.id: e for e in data.editions}
    start, end = params.get("from", ""), params.get("to", "")
    if start or end:
        for name, value in (("from", start), ("to", end)):
            if value not in editions:
                raise BadInput(_("%(name)s: no edition %(id)r") % {"name": name, "id": value})
        a, b = editions[start], editions[end]
        return {"since": a.as_of, "until": b.as_of, "version": b.methodology, "editions": (a, b)}
    dates = {}
    for name, default in (("since", today - dt.timedelta(days=3 * 365)), ("until", today)):
        value = params.get(name, "")
        dates[name] = parse_day(name, value) if value else default
    if dates["until"] < dates["since"]:
        raise BadInput(_("until: is before since"))
    return {**dates, "version": None, "editions": None}


def known_date(change: Change) -> PartialDate:
    """Give the date of a change as precise as its causes know it ("2025", "April 2025")."""
    return change.known or PartialDate.parse(change.date)


def labels_for(data: Snapshot, changes: Iterable[Change]) -> dict[str, str]:
    """Give the change label (core.vocabulary.ChangeLabel) of the latest revision of each
    measure that causes one of `changes`."""
    return latest_labels({c for change in changes for c in change.causes if c in data.measures})


def _cause(data: Snapshot, cause: str, labels: dict[str, str]) -> dict[str, Any]:
    """Give one cause of a change as a reader sees it: a measure's title (with the label of
    its latest revision, when `labels` has it), or a sentence."""
    if cause in data.measures:
        label = labels.get(cause, "")
        return {
            "id": cause,
            "title": data.measures[cause].title,
            "measure": True,
            "label": label,
            "label_name": str(ChangeLabel(label).label) if label else "",
        }
    if cause.startswith("override:"):
        return {
            "id": cause,
            "title": _("an editors' decision, with its rationale"),
            "measure": False,
        }
    framework, _sep, actor = cause.partition(":")
    role = next((m.role for m in data.memberships.get(framework, ()) if m.actor == actor), "member")
    title = data.frameworks[framework].short_title if framework in data.frameworks else framework
    return {
        "id": cause,
        "title": _("%(role)s of the %(framework)s")
        % {"role": role.capitalize(), "framework": title},
        "measure": False,
    }


def describe(
    data: Snapshot, change: Change, labels: dict[str, str] | None = None
) -> dict[str, Any]:
    """Give a change as the page and the feeds show it: names and dates as known, not IDs;
    with `labels` (`labels_for`), the label of each measure's latest revision."""
    actor = data.actors[change.actor]
    provision = data.provisions[change.provision]
    when = known_date(change)
    return {
        "change": change,
        "when": when,
        "actor": actor,
        "provision": provision,
        "causes": [_cause(data, cause, labels or {}) for cause in change.causes],
        "url": actor_url(actor.id, actor.kind),
        "title": _("%(actor)s: %(number)s. %(provision)s – %(before)s → %(after)s (%(when)s)")
        % {
            "actor": actor.name,
            "number": provision.number,
            "provision": provision.title,
            "before": change.before.label,
            "after": change.after.label,
            "when": when.human(),
        },
    }


def as_dict(change: Change, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """Give a change as a JSON twin shows it: `date` as precise as known (ISO: "2025",
    "2025-04" or a day) and `counts_from`, the day the methodology counts it from; with
    `labels`, `cause_labels`: the label of each measure cause's latest revision."""
    found = {**change.as_dict(), "date": str(known_date(change)), "counts_from": str(change.date)}
    if labels is not None:
        found["cause_labels"] = {c: labels[c] for c in change.causes if c in labels}
    return found
