"""Rate limits per client address, for the API and the site's search alike.

django-ninja's throttle (a sliding window of request times) counts in Django's default cache,
which every worker shares (Redis, or a database table: settings.CACHES), keyed by the client
address of mercwatch/core/client.py. The limits, requests a minute per address, are settings:
API_RATE_LIMIT, SEARCH_RATE_LIMIT and SUBMISSION_RATE_LIMIT (0 turns one off).
"""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import AnonRateThrottle

from mercwatch.core.client import client_address

LIMITS = {
    "api": "API_RATE_LIMIT",
    "search": "SEARCH_RATE_LIMIT",
    "submission": "SUBMISSION_RATE_LIMIT",  # submissions sent, by the site and the API
}
WINDOW = 60  # seconds: every limit is so many requests a minute


class ClientThrottle(AnonRateThrottle):
    """A throttle of `per_minute` requests a minute for `scope`, per client address."""

    def __init__(self, scope: str, per_minute: int) -> None:
        self.scope = scope
        super().__init__(f"{per_minute}/{WINDOW}s")

    def get_ident(self, request: HttpRequest) -> str:
        return client_address(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        # Every request counts, with a token or not (ninja's own skips those with `auth`).
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def per_minute(scope: str) -> int:
    """Give the limit of `scope` in requests a minute (0: no limit)."""
    limit: int = getattr(settings, LIMITS[scope])
    return limit


def refused(request: HttpRequest, scope: str) -> int | None:
    """Count `request` against the limit of `scope`; give None if it may be answered, else the
    whole seconds to wait before the client's oldest counted request leaves the window."""
    limit = per_minute(scope)
    if not limit:
        return None
    throttle = ClientThrottle(scope, limit)
    if throttle.allow_request(request):
        return None
    # Newest first: the request that must leave the window for one more to fit.
    leaving: float = throttle.history[limit - 1]
    now: float = throttle.now
    return max(1, math.ceil(WINDOW - (now - leaving)))
