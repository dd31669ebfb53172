"""A government's page as of a date, in the real browser on the bundled data: memberships,
timeline, evidence and feeds are as of that date, and anything later is marked as later."""

from __future__ import annotations

import calendar
import datetime as dt
from xml.etree import ElementTree

import pytest

from mercwatch.core.partial_dates import PartialDate
from tests.site.chromium import main_text, twin_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DAY = dt.date(2024, 6, 1)
ATOM = "{http://www.w3.org/2005/Atom}"


MONTHS = {name: n for n, name in enumerate(calendar.month_name) if name}


def _dates(texts: list[str]) -> list[PartialDate]:
    """Read back dates as pages write them: "3 November 2021", "November 2021" or "2021"."""
    found = []
    for text in texts:
        parts = text.split()
        month = MONTHS[parts[-2]] if len(parts) >= 2 else None
        found.append(PartialDate(int(parts[-1]), month, int(parts[0]) if len(parts) == 3 else None))
    return found


def test_a_government_page_as_of_a_date_shows_nothing_later_unmarked(
    live_server,
    bundled_db,
    page,
):
    text = main_text(page, f"{live_server.url}/governments/US/?as_of=2024-06-01")
    assert "Assessed as of 1 June 2024" in text
    current = page.locator("h2:text('Memberships') + ul").inner_text()
    assert "Pall Mall Process Declaration, since February 2024" in current  # before 1 June
    assert "Code of Practice" not in current
    later = page.locator("ul.later").inner_text()
    assert "Signatory of the Pall Mall Code of Practice for States, since 2025" in later
    when = _dates(page.locator("ol.timeline .when").all_inner_texts())
    assert when
    assert all(d.first_day() <= DAY for d in when)
    assert "16 September 2024" not in text
    # The OFAC round of 16 September 2024, ICE's Paragon contract (27 September 2024) and the
    # stop-work order on it (8 October 2024) are all later.
    assert "3 measures dated after 1 June 2024 are not shown" in text
    assert page.locator("ol.timeline li", has_text="Paragon").count() == 0
    assert "(Secondary (press or analysis), October 2024, published after this date)" in text

    twin = twin_of(page, live_server.url)
    assert twin["as_of"]["as_of"] == "2024-06-01"
    assert all(m["counts_from"] <= "2024-06-01" for m in twin["memberships"])
    assert {m["framework"] for m in twin["memberships_later"]} == {"pall-mall-code"}
    assert "us-ofac-intellexa-2024-09" not in twin["measures"]
    assert twin["measures_later"] == 3

    feed_url = page.locator('link[type="application/atom+xml"][title="mercwatch: United States"]')
    href = feed_url.get_attribute("href")
    assert href == "/governments/US/feed.atom?as_of=2024-06-01"
    feed = ElementTree.fromstring(page.request.get(live_server.url + href).body())
    updated = [e.findtext(f"{ATOM}updated") or "" for e in feed.iter(f"{ATOM}entry")]
    assert updated
    assert max(updated) <= "2024-06-01T00:00:00+00:00"


def test_every_measure_and_the_evidence_of_a_government_are_as_of_the_date(
    live_server,
    bundled_db,
    page,
):
    text = main_text(page, f"{live_server.url}/governments/US/measures/?as_of=2024-06-01")
    assert "11 measures recorded up to 1 June 2024" in text
    assert "16 September 2024" not in text
    twin = twin_of(page, live_server.url)
    assert "us-ofac-intellexa-2024-09" not in [m["id"] for m in twin["measures"]]
    assert twin["measures_later"] == 3

    text = main_text(
        page, f"{live_server.url}/governments/US/evidence/blueprint/5/?as_of=2024-06-01"
    )
    assert "As of 1 June 2024" in text
    assert "OFAC sanctions on five individuals" not in text
    back = page.locator(".crumbs a", has_text="United States").get_attribute("href")
    assert back == "/governments/US/?as_of=2024-06-01"
