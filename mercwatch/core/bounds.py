"""The bounds of the parameters that decide how much work an answer takes, for the site and
the API alike: the years a date may name, the size of an API page, the length of a search."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
# A day YYYY-MM-DD in those years, as the OpenAPI document states it (a test checks they agree).
DAY_PATTERN = r"^(19\d\d|20\d\d|2100)-\d\d-\d\d$"
PAGE_SIZE = 500  # the API's `limit`
SEARCH_LENGTH = 200  # characters of the site's search text


def year_outside(day: dt.date) -> str | None:
    """Say why `day` is outside the years a date parameter may name, or give None."""
    if EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        return None
    return _("the year must be between %(earliest)d and %(latest)d, got %(year)d") % {
        "earliest": EARLIEST_YEAR,
        "latest": LATEST_YEAR,
        "year": day.year,
    }
