"""The moment a page shows: a date, or an edition (its date and methodology)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

from mercwatch.tracker.loader.schemas import EditionEntry
from mercwatch.tracker.loader.validate import Dataset


class BadInput(ValueError):
    """A query parameter that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class Moment:
    """The date a page is derived at, the edition it belongs to, and the methodology version."""

    day: dt.date
    edition: EditionEntry | None = None
    version: str | None = None
    chosen: bool = False  # the reader chose a date or an edition (carried along in links)

    @property
    def query(self) -> str:
        """Give the query string that keeps this moment across links ('' for today)."""
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


def moment_from(data: Dataset, params: dict[str, str], today: dt.date | None = None) -> Moment:
    """Give the moment a query asks for: `edition=ID` or `as_of=YYYY-MM-DD`, else today."""
    edition_id = params.get("edition", "")
    as_of = params.get("as_of", "")
    if edition_id:
        edition = next((e for e in data.editions if e.id == edition_id), None)
        if edition is None:
            raise BadInput(f"edition: no edition {edition_id!r}")
        return Moment(edition.as_of, edition, edition.methodology, chosen=True)
    version = settings.METHODOLOGY_VERSION
    if as_of:
        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError as exc:
            raise BadInput(f"as_of: expected YYYY-MM-DD, got {as_of!r}") from exc
        if len(as_of) != 10:
            raise BadInput(f"as_of: expected YYYY-MM-DD, got {as_of!r}")
        return Moment(day, None, version, chosen=True)
    return Moment(today or dt.date.today(), None, version)
