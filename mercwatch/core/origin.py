"""Where absolute links point: the configured base URL, or the request's own scheme and host.

With MERCWATCH_BASE_URL set, no request header can change a link (`Host`, `X-Forwarded-Proto`).
Without it, the links follow the request, and so every cache of answers keys on `origin()`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def base_url(value: str) -> str:
    """Give a base URL as settings keep it (no trailing slash); raise ValueError if it is not
    one: `http` or `https`, a host, and no path, query or fragment."""
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"expected http(s)://host[:port], got {value!r}")
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError(f"expected no path, query or fragment, got {value!r}")
    return f"{parts.scheme}://{parts.netloc}"


def origin(request: HttpRequest) -> str:
    """Give the scheme and host that absolute links start with (`https://example.org`).

    Without a base URL, the request's host is checked against ALLOWED_HOSTS (DisallowedHost)."""
    configured: str = settings.BASE_URL
    if configured:
        return configured
    return f"{request.scheme}://{request.get_host()}"


def absolute(request: HttpRequest, path: str) -> str:
    """Give the absolute URL of `path` (which starts with `/`)."""
    return origin(request) + path
