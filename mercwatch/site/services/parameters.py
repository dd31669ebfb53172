"""What a page makes of its query parameters beyond their values: the ones it does not know, the
dates after today, and which of two competing parameters wins – said to the reader as notices.

Each view declares the parameters it knows once (`views.public`); everything else in the query
is ignored, and said to be, so that old and hand-edited links keep working."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.utils.translation import gettext as _

from mercwatch.core.parameters import unknown as unknown_names
from mercwatch.site.services.moment import Notice, future_notice, moment_from, parse_day
from mercwatch.tracker.snapshot import Snapshot

MOMENT = ("as_of", "edition")


def _meanings() -> dict[str, str]:
    return {
        "since": _("the list holds no change after that date yet."),
        "until": _("the list holds the changes recorded now, up to that date."),
    }


def unknown(given: Collection[str], known: Collection[str]) -> list[Notice]:
    """Give a notice for each parameter of the query the page does not know, in query order."""
    return [
        Notice(
            "unknown-parameter",
            name,
            _("This page does not know the parameter “%(name)s” and ignored it.") % {"name": name},
        )
        for name in unknown_names(given, known)
    ]


def notices(
    data: Snapshot, params: dict[str, str], known: Collection[str], today: dt.date
) -> list[Notice]:
    """Give every notice about the query of a page that knows the parameters `known`.

    Raises BadInput for a date that is malformed or does not exist, as the page itself would."""
    found = unknown(params, known)
    if any(name in known and params.get(name) for name in MOMENT):
        found += moment_from(data, params, today).notices
    for name, meaning in _meanings().items():
        if name in known and params.get(name):
            future = future_notice(name, parse_day(name, params[name]), today, meaning)
            found += [] if future is None else [future]
    return found
