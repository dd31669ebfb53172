"""The bounds of the parameters that decide how much work an answer takes."""

from __future__ import annotations

import datetime as dt
import re

from mercwatch.core.bounds import DAY_PATTERN, EARLIEST_YEAR, LATEST_YEAR, year_outside


def test_the_openapi_pattern_of_a_day_names_the_same_years_as_the_bound():
    pattern = re.compile(DAY_PATTERN)
    inside = {y for y in range(1000, 10_000) if pattern.match(f"{y:04d}-01-01")}
    assert inside == set(range(EARLIEST_YEAR, LATEST_YEAR + 1))


def test_a_day_outside_the_years_is_told_with_the_bound():
    assert year_outside(dt.date(2024, 2, 29)) is None
    assert year_outside(dt.date(3000, 1, 1)) == "the year must be between 1900 and 2100, got 3000"
