"""The API's JSON bodies, written by orjson: UTF-8 as it is (no \\u escapes), compact.

A page of 100 measures is some 170 kB of JSON; the standard library's encoder took about
2.4 ms of a 6 ms request to write it, orjson about a tenth of that (`benchmarks/api_bench.py`).
What orjson does not write itself – datetimes (written as Django writes them: milliseconds,
`Z` for UTC), lazy translations, decimals, pydantic models – goes to ninja's encoder, which is
Django's, so the bodies read as before.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.http import HttpRequest
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder

_fallback = NinjaJSONEncoder().default
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def json_bytes(body: Any) -> bytes:
    """Give `body` as JSON, UTF-8 encoded."""
    return orjson.dumps(body, default=_fallback, option=_OPTIONS)


class Renderer(BaseRenderer):
    """ninja's renderer for every endpoint's answer: `json_bytes`."""

    media_type = "application/json"
    charset = "utf-8"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return json_bytes(data)
