"""Problems with a parameter's value, said in the API's own words rather than pydantic's."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext as _
from pydantic_core import PydanticCustomError

UNKNOWN = "unknown-value"
INVALID = "invalid-parameter"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: Any) -> Any:
    """Give `value` as a date if it is one written YYYY-MM-DD; raise a worded error if not."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DAY.fullmatch(value):
        raise PydanticCustomError(
            "day", _("expected a date YYYY-MM-DD, got {got}"), {"got": _r(value)}
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = _("expected a date YYYY-MM-DD, got {got} (no such day)")
        raise PydanticCustomError("day", message, {"got": _r(value)}) from None


def _r(value: Any) -> str:
    return repr(value) if isinstance(value, str) else repr(str(value))


def worded(error: dict[str, Any], got: str | None) -> tuple[str, str]:
    """Give the problem type and the API's sentence for one pydantic error about the value
    `got` (as the request gave it)."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        allowed = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return UNKNOWN, _("expected one of {allowed}; got {got}").format(
            allowed=allowed, got=_r(got)
        )
    if kind == "day":
        return INVALID, str(error.get("msg", ""))
    sentences = {
        "missing": _("is required"),
        "int_parsing": _("expected a whole number, got {got}"),
        "int_from_float": _("expected a whole number, got {got}"),
        "greater_than_equal": _("must be at least {ge}, got {got}"),
        "less_than_equal": _("must be at most {le}, got {got}"),
        "string_too_short": _("must not be empty"),
        "string_too_long": _("must be at most {max_length} characters long"),
    }
    sentence = sentences.get(kind, _("is not a value this parameter takes: {got}"))
    return INVALID, sentence.format(got=_r(got), **{k: str(v) for k, v in ctx.items()})
