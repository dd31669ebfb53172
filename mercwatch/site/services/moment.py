"""The moment a page shows: a date, or an edition (its date and methodology)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mercwatch.tracker.snapshot import Edition, Snapshot

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class BadInput(ValueError):
    """A query parameter that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Notice:
    """Something the reader should know about how the page read the query (not an error)."""

    kind: str  # unknown-parameter, future-date, edition-wins
    parameter: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "parameter": self.parameter, "message": self.message}


@dataclass(frozen=True)
class Moment:
    """The date a page is derived at, the edition it belongs to, and the methodology version."""

    day: dt.date
    edition: Edition | None = None
    version: str | None = None
    chosen: bool = False  # the reader chose a date or an edition (carried along in links)
    notices: tuple[Notice, ...] = ()

    @functools.cached_property
    def query(self) -> str:
        """Give the query string that keeps this moment across links ('' for today); worked
        out once, as every row, shape and link of a page asks for it."""
        if not self.chosen:
            return ""
        if self.edition is not None:
            return "?" + urlencode({"edition": self.edition.id})
        return "?" + urlencode({"as_of": self.day.isoformat()})

    def as_dict(self) -> dict[str, str | None]:
        return {
            "as_of": self.day.isoformat(),
            "edition": None if self.edition is None else self.edition.id,
            "methodology": self.version,
        }


def human(day: dt.date) -> str:
    """Give a day as readers read it ("1 March 2024", in the active language)."""
    return date_format(day, "j F Y")


def parse_day(name: str, value: str) -> dt.date:
    """Give the day a date parameter names, or say why it names none: a malformed value and a
    well-formed day that does not exist (2021-02-30) are different mistakes."""
    found = _DAY.match(value)
    if found is None:
        raise BadInput(
            _("%(name)s: expected a date as YYYY-MM-DD, got %(value)r")
            % {"name": name, "value": value}
        )
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        raise BadInput(
            _("%(name)s: expected YYYY-MM-DD, got %(value)r: there is no month %(month)d")
            % {"name": name, "value": value, "month": month}
        )
    if year == 0:
        raise BadInput(
            _("%(name)s: the date %(value)s does not exist (there is no year 0)")
            % {"name": name, "value": value}
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise BadInput(
            _("%(name)s: the date %(value)s does not exist (%(month)s has %(days)d days)")
            % {
                "name": name,
                "value": value,
                "month": date_format(dt.date(year, month, 1), "F Y"),
                "days": last,
            }
        )
    return dt.date(year, month, day)


def future_notice(name: str, day: dt.date, today: dt.date, meaning: str) -> Notice | None:
    """Give the notice that a date parameter lies after today, saying what it means here."""
    if day <= today:
        return None
    message = _(
        "%(name)s: %(day)s is in the future. This page shows the data as known today "
        "(the latest data, %(today)s): %(meaning)s"
    ) % {"name": name, "day": human(day), "today": human(today), "meaning": meaning}
    return Notice("future-date", name, message)


def moment_from(data: Snapshot, params: dict[str, str], today: dt.date | None = None) -> Moment:
    """Give the moment a query asks for: `edition=ID` or `as_of=YYYY-MM-DD`, else today.

    When both are given the edition wins, and the moment says so: an edition fixes its date and
    its methodology together, and an old link to an edition keeps meaning that edition."""
    today = today or dt.date.today()
    edition_id = params.get("edition", "")
    as_of = params.get("as_of", "")
    day = parse_day("as_of", as_of) if as_of else None
    if edition_id:
        edition = next((e for e in data.editions if e.id == edition_id), None)
        if edition is None:
            raise BadInput(_("edition: no edition %(id)r") % {"id": edition_id})
        notices = () if day is None else (_edition_wins(edition, day),)
        return Moment(edition.as_of, edition, edition.methodology, chosen=True, notices=notices)
    version = settings.METHODOLOGY_VERSION
    if day is not None:
        meaning = _(
            "the levels are derived for that date from the measures recorded now, counting "
            "those already dated to take effect by then; nothing else is forecast."
        )
        future = future_notice("as_of", day, today, meaning)
        return Moment(day, None, version, chosen=True, notices=() if future is None else (future,))
    return Moment(today, None, version)


def _edition_wins(edition: Edition, day: dt.date) -> Notice:
    message = _(
        "Both a date (as_of %(day)s) and an edition were given: the edition wins. This page "
        "shows the edition “%(title)s”, as of its date, %(edition_day)s, by its methodology. "
        "To see %(day)s instead, leave out the edition."
    ) % {"day": human(day), "title": edition.title, "edition_day": human(edition.as_of)}
    return Notice("edition-wins", "as_of", message)
