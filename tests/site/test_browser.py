"""The real browser (Debian's chromium, driven by Playwright) on the served pages."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.site.browser import overflows, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# One page of each type, on the bundled data.
PAGE_TYPES = {
    "scorecard": "/",
    "scorecard as of a date": "/?as_of=2022-01-01&map=blueprint/5",
    "government": "/governments/US/",
    "government's measures": "/governments/US/measures/",
    "evidence behind a level": "/governments/US/evidence/blueprint/5/",
    "governments": "/governments/",
    "recommendation": "/provisions/blueprint/5/",
    "principle": "/provisions/techaccord/1/",
    "provisions": "/provisions/",
    "company": "/companies/microsoft/",
    "companies": "/companies/",
    "organisation": "/organisations/citizen-lab/",
    "vendor": "/vendors/nso-group/",
    "vendors": "/vendors/",
    "measure": "/measures/us-entity-list-2021-11/",
    "source": "/sources/hstoday-entity-list-2021-11-03/",
    "compare": "/compare/?ids=US&ids=FR&ids=EU",
    "search": "/search/?q=pegasus",
    "methodology": "/methodology/",
    "changes": "/changes/?since=2021-01-01",
    "history of a record": "/history/measures/us-entity-list-2021-11/",
}


def test_every_page_type_renders_from_the_bundled_data_with_only_our_own_requests(
    live_server, bundled_db, page
):
    origin = urlsplit(live_server.url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for name, path in PAGE_TYPES.items():
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == 200, name
        assert page.locator("h1").count() == 1, name
        assert page.locator('link[rel="alternate"][type="application/json"]').count() == 1, name
    assert len(requested) > len(PAGE_TYPES)
    assert {urlsplit(url).netloc for url in requested} == {origin}


def test_no_page_type_has_a_serious_or_critical_axe_violation(live_server, bundled_db, page):
    found = {}
    for name, path in PAGE_TYPES.items():
        page.goto(live_server.url + path)
        violations = serious_violations(page)
        if violations:
            found[name] = violations
    assert found == {}


def test_no_page_type_scrolls_sideways_at_375_px(live_server, bundled_db, browser):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    wide = [
        name
        for name, path in PAGE_TYPES.items()
        if page.goto(live_server.url + path) and overflows(page)
    ]
    assert wide == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_filters_as_of_and_sorting_change_the_scorecard(live_server, mini_db, browser, javascript):
    page = browser.new_context(java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}/")
    rows = page.locator("table.scorecard tbody tr")
    assert rows.count() == 3
    page.locator("details.filters-box summary").click()
    page.get_by_label("Joint Statement signatories").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "joint=1" in page.url
    assert [rows.nth(i).locator("th").inner_text() for i in range(rows.count())] == [
        "France",
        "Germany",
    ]

    page.goto(f"{live_server.url}/")
    page.locator("details.filters-box summary").click()
    page.locator("#as_of").fill("2021-06-01")
    page.get_by_role("button", name="Apply").click()
    assert "as of 1 June 2021" in page.locator("table.scorecard caption").inner_text()
    us = page.locator("table.scorecard tbody tr", has_text="United States")
    assert us.locator("td").nth(4).inner_text().strip() == "Partial"

    page.get_by_role("link", name="Government", exact=True).click()
    page.wait_for_load_state()
    names = [rows.nth(i).locator("th").inner_text() for i in range(rows.count())]
    assert names == sorted(names)
    assert page.locator("th[aria-sort=ascending]").inner_text() == "Government"
    page.get_by_role("link", name="Government", exact=True).click()
    page.wait_for_load_state()
    names = [rows.nth(i).locator("th").inner_text() for i in range(rows.count())]
    assert names == sorted(names, reverse=True)


def test_json_twins_hold_what_the_pages_show(live_server, bundled_db, page):
    page.goto(f"{live_server.url}/?as_of=2024-01-01&sort=name&order=asc")
    twin = page.locator('link[rel="alternate"][type="application/json"]').get_attribute("href")
    data = json.loads(page.request.get(live_server.url + twin).text())
    shown = page.locator("table.scorecard tbody th").all_inner_texts()
    assert [r["name"] for r in data["rows"]] == shown
    us = page.locator("table.scorecard tbody tr", has_text="United States").locator("td")
    row = next(r for r in data["rows"] if r["id"] == "US")
    assert [us.nth(i).inner_text().strip() for i in range(7)] == [c["label"] for c in row["cells"]]
    assert us.nth(7).inner_text() == str(row["total"])

    page.goto(f"{live_server.url}/governments/US/?as_of=2024-01-01")
    twin = page.locator('link[rel="alternate"][type="application/json"]').get_attribute("href")
    data = json.loads(page.request.get(live_server.url + twin).text())
    levels = page.locator("table.glance tbody td").all_inner_texts()
    assert [level.strip() for level in levels] == [a["label"] for a in data["assessments"]]


def test_the_map_links_each_country_with_an_accessible_name(live_server, bundled_db, page):
    page.goto(f"{live_server.url}/?as_of=2022-01-01&map=blueprint/5")
    link = page.get_by_role("link", name="United States: Implemented and enforced")
    link.click()
    assert page.get_by_role("heading", level=1).inner_text() == "United States"
    assert "as_of=2022-01-01" in page.url


def test_a_government_page_prints_as_a_brief_without_navigation(live_server, mini_db, page):
    page.goto(f"{live_server.url}/governments/US/")
    page.emulate_media(media="print")
    assert not page.locator("header.site nav").is_visible()
    assert page.locator("h1").is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_keyboard_users_can_skip_to_the_content(live_server, mini_db, page):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
