"""Cells that a spreadsheet would run as a formula, made inert."""

from __future__ import annotations

from mercwatch.exports.tables import Value

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Value) -> Value:
    """Give `value` with a leading `'` when, as text, it would start a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value
