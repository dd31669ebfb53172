"""The database is away: which errors say so, and how long a client is told to wait.

A connection that cannot be made within settings.DB_CONNECT_TIMEOUT, a statement cancelled
after DB_STATEMENT_TIMEOUT, a connection lost or a database locked: Django raises them as
OperationalError or InterfaceError. The site then answers its own 503 page and the API a
problem+json 503, each with Retry-After (mercwatch/site/errors.py, mercwatch/api/middleware.py),
instead of a hung worker or a 500.
"""

from __future__ import annotations

from django.conf import settings
from django.db import InterfaceError, OperationalError


def is_outage(exc: BaseException | None) -> bool:
    """Tell whether `exc` says the database cannot be used now (rather than a fault of ours)."""
    return isinstance(exc, (OperationalError, InterfaceError))


def retry_after() -> str:
    """Give the Retry-After header's value, in seconds, for an answer while the database is away."""
    return str(max(1, settings.DB_RETRY_AFTER))
