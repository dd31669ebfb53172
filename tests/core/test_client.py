"""The client address: the peer's, or behind a trusted proxy the one X-Forwarded-For names."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from mercwatch.core.client import client_address, networks


def address(peer: str, forwarded: str | None = None) -> str:
    request = RequestFactory().get("/", REMOTE_ADDR=peer)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(request)


def test_without_trusted_proxies_the_header_is_ignored():
    assert address("198.51.100.7", "203.0.113.1") == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_peer_that_is_no_trusted_proxy_cannot_name_another_address():
    assert address("198.51.100.7", "203.0.113.1") == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_proxy_the_client_is_the_address_it_saw():
    assert address("10.0.0.2", "203.0.113.1") == "203.0.113.1"
    assert address("10.0.0.2") == "10.0.0.2"  # no header: the proxy itself


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_what_the_client_wrote_left_of_the_proxy_s_entry_is_not_believed():
    # The client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended the address it saw.
    assert address("10.0.0.2", "192.0.2.66, 203.0.113.1") == "203.0.113.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.1", "10.0.0.2", "2001:db8::/32"])
def test_a_chain_of_trusted_proxies_is_read_past_to_the_first_untrusted_address():
    assert address("10.0.0.2", "192.0.2.66, 203.0.113.1, 10.0.0.1") == "203.0.113.1"
    assert address("2001:db8::1", "2001:db8::2, 10.0.0.1") == "2001:db8::2"  # all trusted


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_hop_that_is_no_address_stops_at_the_last_one_vouched_for():
    assert address("10.0.0.2", "not-an-address, 10.0.0.3") == "10.0.0.3"
    assert address("10.0.0.2", "unknown") == "10.0.0.2"


def test_a_bad_trusted_proxy_entry_is_named():
    with pytest.raises(ValueError, match=r"'10\.0\.0\.300' is not an IP address or network"):
        networks(["10.0.0.1", "10.0.0.300"])
