"""What an export holds: the dataset, its tables, assessments and changes at one edition's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from mercwatch.exports.as_of import records_as_of
from mercwatch.exports.tables import Table, build_tables
from mercwatch.store.current import changes, engine, methodology
from mercwatch.tracker.changes import EPOCH, Change, within
from mercwatch.tracker.derive import Assessment
from mercwatch.tracker.services.assessments import assess
from mercwatch.tracker.snapshot import Edition, Snapshot


class ExportError(Exception):
    """An export that cannot be made, with the reason in its message."""


@dataclass
class Bundle:
    """The records of `whole` known at `as_of`, assessed then under `methodology`.

    `data` holds the records as they stood at `as_of` (see `records_as_of`); assessments and
    changes are derived from the whole timeline at that date, as the site's as-of pages are.
    """

    whole: Snapshot
    as_of: dt.date
    methodology: str
    edition: Edition | None = None

    @cached_property
    def data(self) -> Snapshot:
        return records_as_of(self.whole, self.as_of)

    @cached_property
    def assessments(self) -> list[Assessment]:
        shared = engine(self.whole, self.methodology)
        return assess(self.whole, as_of=self.as_of, version=self.methodology, engine=shared)

    @cached_property
    def changes(self) -> list[Change]:
        return within(changes(self.whole, self.methodology), EPOCH, self.as_of)

    @cached_property
    def tables(self) -> dict[str, Table]:
        return build_tables(self.data, self.assessments)

    @property
    def label(self) -> str:
        """Give what the export is of: the edition's ID, else the date."""
        return self.edition.id if self.edition else self.as_of.isoformat()


def bundle_for(
    data: Snapshot, *, edition: str | None = None, as_of: dt.date | None = None
) -> Bundle:
    """Give the bundle of an edition (by ID), of a date, or of the latest edition."""
    editions = {e.id: e for e in data.editions}
    if edition is not None and edition not in editions:
        known = ", ".join(editions) or "none"
        raise ExportError(f"no edition {edition!r} (known: {known})")
    if edition is None and as_of is None and data.editions:
        edition = max(data.editions, key=lambda e: (e.as_of, e.id)).id
    if edition is not None:
        chosen = editions[edition]
        return Bundle(data, chosen.as_of, chosen.methodology, chosen)
    method = methodology(data)
    return Bundle(data, as_of or dt.date.today(), method.version)
