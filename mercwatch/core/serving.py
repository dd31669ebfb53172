"""What must be true before the site may be served (the data commands need none of it)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def require_secret_key() -> None:
    """Refuse to serve in production without a lasting SECRET_KEY: sessions and CSRF tokens
    signed with a throw-away key would break on every restart and differ between workers."""
    if settings.ENVIRONMENT == "production" and not settings.SECRET_KEY_IS_SET:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to serve the site in production "
            "(`make run` keeps one in var/secret-key; or set MERCWATCH_ENV=development)"
        )
