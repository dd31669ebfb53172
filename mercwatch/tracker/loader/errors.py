"""Loader errors: each names the file, the line, the field and the reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from mercwatch.tracker.loader.yamlio import line_of
from mercwatch.tracker.validator import dotted

_MESSAGES = {
    "extra_forbidden": "unknown field",
    "missing": "required field is missing",
    "too_short": "must not be empty",
}


@dataclass(frozen=True, order=True)
class LoadError:
    path: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.reason}"


@dataclass(frozen=True)
class Where:
    """Where a record was read: its file, the parsed document and its place in it."""

    path: str
    document: Any
    loc: tuple[str | int, ...] = ()

    def at(self, *loc: str | int) -> Where:
        return Where(self.path, self.document, self.loc + loc)

    def error(self, field_loc: tuple[str | int, ...] | str, reason: str) -> LoadError:
        """Give the error for `field_loc` (relative to this record) with `reason`."""
        parts = (field_loc,) if isinstance(field_loc, str) else field_loc
        full = self.loc + tuple(parts)
        return LoadError(self.path, line_of(self.document, full), dotted(full), reason)


def shortened(value: Any) -> str:
    """Give the repr of `value`, cut to its start when it is long (a message quotes it)."""
    text = repr(value)
    if len(text) <= 80:
        return text
    count = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{text[:60]}…{count}"


def from_validation(where: Where, exc: ValidationError) -> list[LoadError]:
    """Give one LoadError per pydantic error, with the line of the field at fault."""
    return [where.error(loc, reason) for loc, reason in reasons(exc)]


def reasons(exc: ValidationError) -> list[tuple[tuple[str | int, ...], str]]:
    """Give each pydantic error as the field's path and the reason, in the loader's words."""
    errors = []
    items = exc.errors()
    nested = [tuple(item["loc"]) for item in items]
    for item in items:
        loc = tuple(p for p in item["loc"] if isinstance(p, str | int))
        # A list whose only items failed is also reported "too short": the item errors say it all.
        if item["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in nested
        ):
            continue
        # pydantic names the union member or validator in the path; drop what is not a field.
        loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
        reason = _MESSAGES.get(item["type"], str(item["msg"]))
        reason = reason.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if item["type"] == "literal_error" or item["type"] == "enum":
            allowed = item["msg"].split("should be ")[-1]
            reason = f"{shortened(item['input'])} is not allowed: {allowed}"
        if item["type"] == "string_too_long":
            limit = item["ctx"]["max_length"]
            reason = f"must be at most {limit:,} characters, got {len(item['input']):,}"
        errors.append((loc, reason))
    return errors
