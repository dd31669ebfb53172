"""A change known only to the year or the month reads as "2025" or "April 2025" on the changes
page, the home page, their JSON twins and the Atom feeds, never as the day it counts from."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from tests.site.chromium import main_text, twin_of

ATOM = "{http://www.w3.org/2005/Atom}"
OVER_PRECISE = ("31 December 2025", "30 April 2025")  # Pall Mall Code: "2025", "2025-04"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_changes_page_and_its_twin_show_a_change_as_precisely_as_known(
    live_server,
    bundled_db,
    page,
):
    text = main_text(page, f"{live_server.url}/changes/?since=2025-01-01&until=2026-06-30")
    assert not [d for d in OVER_PRECISE if d in text]
    romania = page.locator("ol.changes li", has_text="Romania").first
    assert romania.locator("time").inner_text() == "2025"
    assert romania.locator("time").get_attribute("datetime") == "2025"
    uk = page.locator("ol.changes li", has_text="United Kingdom").first
    assert uk.locator("time").inner_text() == "April 2025"
    cause = "Because of: Signatory of the Pall Mall Code of Practice for States"
    assert cause in romania.inner_text()
    changes = twin_of(page, live_server.url)["changes"]
    ro = next(c for c in changes if c["actor"] == "RO")
    assert (ro["date"], ro["counts_from"]) == ("2025", "2025-12-31")
    gb = next(c for c in changes if c["actor"] == "GB")
    assert (gb["date"], gb["counts_from"]) == ("2025-04", "2025-04-30")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_home_page_latest_changes_show_the_year_when_only_the_year_is_known(
    live_server,
    bundled_db,
    page,
):
    page.goto(f"{live_server.url}/?as_of=2026-01-10")
    latest = page.locator("#latest-h + ol.changes").inner_text()
    assert "2025 Romania" in latest
    assert not [d for d in OVER_PRECISE if d in latest]
    ro = next(c for c in twin_of(page, live_server.url)["latest_changes"] if c["actor"] == "RO")
    assert ro["date"] == "2025"


@pytest.mark.django_db
def test_atom_entries_say_the_date_as_known_and_keep_a_full_timestamp(client, bundled_db):
    feed = ElementTree.fromstring(client.get("/governments/RO/feed.atom").content)
    entries = list(feed.iter(f"{ATOM}entry"))
    pall_mall = [e for e in entries if "Pall Mall" in (e.findtext(f"{ATOM}summary") or "")]
    assert pall_mall
    for entry in pall_mall:
        title = entry.findtext(f"{ATOM}title") or ""
        summary = entry.findtext(f"{ATOM}summary") or ""
        assert title.endswith("(2025)")
        assert summary.startswith("2025: ")
        assert not [d for d in OVER_PRECISE if d in title + summary]
        assert entry.findtext(f"{ATOM}updated") == "2025-12-31T00:00:00+00:00"
