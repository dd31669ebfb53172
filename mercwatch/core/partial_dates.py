"""Partial dates: a year, a month or a day, never more precise than known."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(IntEnum):
    """How much of a date is known."""

    YEAR = 1
    MONTH = 2
    DAY = 3


class PartialDateError(ValueError):
    """A value that is not a valid partial date, with the reason in its message."""


@dataclass(frozen=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise PartialDateError("a day needs a month")
        if not 1000 <= self.year <= 9999:
            raise PartialDateError(f"year {self.year} is out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise PartialDateError(f"month {self.month} is out of range")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise PartialDateError(
                    f"day {self.day} is out of range for {self.year}-{self.month:02d}"
                )

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Give the partial date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool):
            raise PartialDateError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        if isinstance(value, int):
            value = str(value)
        if isinstance(value, dt.datetime):
            raise PartialDateError("over-precise: a date has no time of day")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise PartialDateError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        text = value.strip()
        if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", text):
            raise PartialDateError(f"over-precise: {text!r} has a time of day; write YYYY-MM-DD")
        match = _PATTERN.match(text)
        if match is None:
            raise PartialDateError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    def first_day(self) -> dt.date:
        """Give the earliest day this partial date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """Give the latest day this partial date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def sort_key(self) -> tuple[int, int, int]:
        """Give a key that orders dates by their start, less precise first."""
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        if self.day is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """Give the date as a reader sees it: '3 November 2021', 'November 2021' or '2021'."""
        if self.day is not None and self.month is not None:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month is not None:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)


def parse_optional(value: Any) -> PartialDate | None:
    """Give the partial date, or None for an empty value."""
    if value is None or value == "":
        return None
    return PartialDate.parse(value)
