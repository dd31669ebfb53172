"""What screening says of each candidate found: designated on the date, affiliated with a
designated entity (the path, in words), or only listed by an imported inventory, and when each
started or ended – by the market rules of mercwatch/market/services.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from mercwatch.core.partial_dates import PartialDate
from mercwatch.market.services import Designation, designations_of
from mercwatch.screening.matcher import Hit
from mercwatch.site.services.wording import country_name, tie_phrase
from mercwatch.tracker.snapshot import Snapshot

INVENTORIES = {"misp-galaxy": "the MISP galaxy"}


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _in_force(d: Designation, on: dt.date) -> bool:
    if not d.counts_on(on):
        return False
    if d.via is None:
        return True
    since, until = d.via.since, d.via.until
    return (since is None or since.last_day() <= on) and (until is None or on < until.first_day())


def _when(d: Designation) -> str:
    if d.until is None:
        return _("since %(since)s") % {"since": d.since.human()}
    return _("from %(since)s to %(until)s (removed)") % {
        "since": d.since.human(),
        "until": d.until.human(),
    }


def _designation(data: Snapshot, actor: str, d: Designation, on: dt.date) -> dict[str, Any]:
    by, target = data.actors[d.by].name, data.actors[d.target].name
    measure = data.measures[d.measure].title
    out: dict[str, Any] = {
        "by": by,
        "measure": measure,
        "measure_id": d.measure,
        "target": target,
        "since": _date(d.since),
        "until": _date(d.until),
        "in_force": _in_force(d, on),
    }
    if d.via is not None:
        other = d.via.other(actor)
        phrase = tie_phrase(d.via, actor)
        out["tie"] = {"phrase": phrase, "since": _date(d.via.since), "until": _date(d.via.until)}
        out["path"] = _("%(phrase)s %(other)s, designated by %(by)s %(when)s: %(measure)s") % {
            "phrase": phrase,
            "other": data.actors[other].name,
            "by": by,
            "when": _when(d),
            "measure": measure,
        }
    else:
        out["path"] = _("designated by %(by)s %(when)s: %(measure)s") % {
            "by": by,
            "when": _when(d),
            "measure": measure,
        }
    return out


def described(data: Snapshot, hit: Hit, on: dt.date) -> dict[str, Any]:
    """Give one match as every output shows it (JSON's `matches`, the CSV's rows, the page)."""
    e = hit.entry
    found = [] if e.listed else designations_of(data, e.candidate)
    own = [_designation(data, e.candidate, d, on) for d in found if d.via is None]
    ties = [_designation(data, e.candidate, d, on) for d in found if d.via is not None]
    listing = data.listings.get(e.candidate) if e.listed else None
    listed = None
    if listing is not None:
        by = INVENTORIES.get(listing.inventory, listing.inventory)
        listed = {
            "inventory": listing.inventory,
            "note": _("listed by %(inventory)s, not yet reviewed") % {"inventory": by},
        }
    country = country_name(data, e.country) if e.country else None
    return {
        "actor": e.candidate,
        "name": e.name,
        "matched_name": e.written,
        "score": hit.score,
        "designated": any(d["in_force"] for d in own),
        "affiliated": any(d["in_force"] for d in ties),
        "listed": listing is not None,
        "country": country,
        "designations": own,
        "affiliations": ties,
        "listing": listed,
        "reasons": list(hit.reasons),
        "path": [d["path"] for d in own + ties if d["in_force"]],
    }


def status(match: dict[str, Any]) -> tuple[Any, ...]:
    """Give what a re-screening compares of a match: who, and whether designated, affiliated
    (and through whom) or listed."""
    ties = tuple(sorted(d["path"] for d in match["affiliations"] if d["in_force"]))
    return (match["actor"], match["designated"], match["affiliated"], match["listed"], ties)
