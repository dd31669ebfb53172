"""The client a request comes from, which the rate limits and sign-in pauses count by: its
address (the peer's, or behind a trusted proxy the one that proxy saw) and, for a sign-in, the
username it tried.

X-Forwarded-For is believed only when the peer is one of MERCWATCH_TRUSTED_PROXIES: anyone
else can write any address into it. The header is read from the right, past each trusted
proxy, to the first address no trusted proxy is at – the one the nearest proxy saw connect.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """Give the networks that addresses or CIDR ranges name; raise ValueError for a bad one."""
    found = []
    for entry in entries:
        try:
            found.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ValueError(
                f"{entry.strip()!r} is not an IP address or network (like 10.0.0.1 or 10.0.0.0/8)"
            ) from None
    return tuple(found)


@cache
def _trusted(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return networks(entries)


def _is_trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(request: HttpRequest) -> str:
    """Give the address of the client that sent `request` (see the module's docstring)."""
    peer = str(request.META.get("REMOTE_ADDR", ""))
    trusted = _trusted(tuple(settings.TRUSTED_PROXIES))
    if not trusted or not _is_trusted(peer, trusted):
        return peer
    hops = [h.strip() for h in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    address = peer
    for hop in reversed([h for h in hops if h]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address  # not written by a proxy of ours: the last hop we can vouch for
        address = hop
        if not _is_trusted(hop, trusted):
            return hop
    return address


USERNAME_KEPT = 150  # the user model's username length; django-axes keeps at most 255


def attempted_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """Give the username of a sign-in attempt as django-axes records and counts it: the one
    given (in the credentials, else the form), cut to the length a username can have, so that a
    20,000-character one is counted as an attempt rather than failing to be stored."""
    given = credentials.get("username") if credentials else request.POST.get("username")
    return str(given or "")[:USERNAME_KEPT]
