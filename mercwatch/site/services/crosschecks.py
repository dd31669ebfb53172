"""The cross-checks (market/crosschecks.py) as the vendor pages and the cross-checks page show
them: a headline in words, the later record and what it comes after, with dates and sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mercwatch.market import crosschecks as rules
from mercwatch.market.crosschecks import CrossCheck, Earlier
from mercwatch.market.services import DESIGNATED
from mercwatch.site.services.wording import designated_span, role_label, span, tie_phrase
from mercwatch.store import current as cache
from mercwatch.tracker.snapshot import Snapshot

# Each rule as a reader reads it, on the page of every finding and on the list's headings.
RULE_TITLES = {
    rules.PURCHASE: gettext_lazy("A government's contract or purchase after a designation"),
    rules.INVESTMENT: gettext_lazy("An investment or new holding after a designation"),
    rules.SUCCESSOR: gettext_lazy("A designated entity's successor"),
    rules.SUCCESSOR_OF_NAMED: gettext_lazy("The successor of an entity named in findings"),
    rules.RENAMED: gettext_lazy("A designated entity under a former name"),
}


def every_crosscheck(data: Snapshot) -> list[CrossCheck]:
    """Give every finding of the cross-checks, once per data version."""
    return cache.memo(data, ("site", "crosschecks"), lambda: rules.crosschecks(data))


def _name(data: Snapshot, actor: str) -> str:
    return data.actors[actor].name


def headline(data: Snapshot, c: CrossCheck) -> str:
    """Give what the finding says, in one sentence of names and dates (no links, no codes)."""
    e = c.earlier
    names = {
        "subject": _name(data, c.subject),
        "vendor": _name(data, c.vendor),
        "target": _name(data, e.target),
        "by": _name(data, e.by),
        "since": e.since.human(),
        "date": c.date.human() if c.date else "",
    }
    if c.rule == rules.PURCHASE:
        return (
            _(
                "%(subject)s recorded a contract with or a purchase from %(vendor)s "
                "(%(date)s) after %(target)s was designated by %(by)s (%(since)s)"
            )
            % names
        )
    if c.rule == rules.INVESTMENT and c.tie is not None:
        return _(
            "%(one)s became %(phrase)s %(other)s (%(date)s) after %(target)s was designated by "
            "%(by)s (%(since)s)"
        ) % {
            **names,
            "one": _name(data, c.tie.subject),
            "phrase": tie_phrase(c.tie, c.tie.subject),
            "other": _name(data, c.tie.object),
        }
    if c.rule == rules.SUCCESSOR:
        return (
            _(
                "%(subject)s is recorded as the successor of %(vendor)s, designated by %(by)s "
                "since %(since)s"
            )
            % names
        )
    if c.rule == rules.SUCCESSOR_OF_NAMED:
        return (
            _(
                "%(subject)s is recorded as the successor of %(vendor)s, not designated but "
                "named by %(by)s (%(since)s)"
            )
            % names
        )
    return _(
        "%(vendor)s, designated by %(by)s since %(since)s, is also recorded under its former "
        "name %(former)s"
    ) % {**names, "former": c.former_name}


def _earlier(data: Snapshot, e: Earlier, today: dt.date) -> dict[str, Any]:
    via = None
    if e.via is not None:
        other = e.via.other(e.target)
        via = {
            "target": data.actors[e.target],
            "phrase": tie_phrase(e.via, e.target),
            "of": data.actors[other],
        }
    when = (
        designated_span(e.since, e.until, today)
        if e.role == DESIGNATED
        else _("%(role)s on %(date)s")
        % {"role": role_label(e.role).lower(), "date": e.since.human()}
    )
    return {
        "measure": data.measures[e.measure],
        "by": data.actors[e.by],
        "when": when,
        "via": via,
    }


def shown(data: Snapshot, c: CrossCheck, today: dt.date) -> dict[str, Any]:
    """Give one finding as a page shows it."""
    tie = None
    if c.tie is not None:
        tie = {
            "subject": data.actors[c.tie.subject],
            "phrase": tie_phrase(c.tie, c.tie.subject),
            "object": data.actors[c.tie.object],
            "span": span(c.tie.since, c.tie.until, today),
            "note": c.tie.note,
        }
    return {
        "rule": c.rule,
        "title": str(RULE_TITLES[c.rule]),
        "headline": headline(data, c),
        "subject": data.actors[c.subject],
        "vendor": data.actors[c.vendor],
        "measure": data.measures[c.measure] if c.measure else None,
        "tie": tie,
        "date": c.date.human() if c.date else "",
        "former_name": c.former_name,
        "earlier": _earlier(data, c.earlier, today),
        "uncertain": c.uncertain,
        "sources": [data.sources[s] for s in c.sources if s in data.sources],
    }


def as_json(c: CrossCheck) -> dict[str, Any]:
    """Give one finding for a JSON twin: the same facts, by ID."""
    e = c.earlier
    return {
        "rule": c.rule,
        "subject": c.subject,
        "vendor": c.vendor,
        "date": None if c.date is None else str(c.date),
        "measure": c.measure,
        "tie": None
        if c.tie is None
        else {
            "subject": c.tie.subject,
            "kind": c.tie.kind,
            "object": c.tie.object,
            "since": None if c.tie.since is None else str(c.tie.since),
            "until": None if c.tie.until is None else str(c.tie.until),
        },
        "former_name": c.former_name or None,
        "after": {
            "measure": e.measure,
            "by": e.by,
            "target": e.target,
            "role": e.role,
            "since": str(e.since),
            "until": None if e.until is None else str(e.until),
            "via": None
            if e.via is None
            else {"subject": e.via.subject, "kind": e.via.kind, "object": e.via.object},
        },
        "uncertain": c.uncertain,
        "sources": list(c.sources),
    }


def concerning(
    data: Snapshot, actor: str, today: dt.date
) -> tuple[list[dict[str, Any]], list[Any]]:
    """Give the findings that concern `actor`, as shown and as JSON."""
    found = rules.concerning(actor, every_crosscheck(data))
    return [shown(data, c, today) for c in found], [as_json(c) for c in found]


def crosschecks_page(data: Snapshot, today: dt.date | None = None) -> dict[str, Any]:
    """Give every finding, grouped by rule in the rules' order."""
    today = today or dt.date.today()
    found = every_crosscheck(data)
    groups = [
        {
            "rule": rule,
            "title": str(RULE_TITLES[rule]),
            "findings": [shown(data, c, today) for c in found if c.rule == rule],
        }
        for rule in rules.RULES
    ]
    return {
        "groups": groups,
        "total": len(found),
        "json": {"rules": list(rules.RULES), "findings": [as_json(c) for c in found]},
    }
