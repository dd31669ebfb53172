"""The 404 page and the notices, as a reader sees them in the real browser."""

from __future__ import annotations

import pytest

from tests.site.browser import overflows, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_404_page_has_the_navigation_and_a_search_that_works(live_server, mini_db, browser):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    response = page.goto(f"{live_server.url}/vendors/vendor-onee/")
    assert response is not None
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert serious_violations(page) == []
    assert not overflows(page)
    box = page.get_by_label("Search the tracker")
    assert box.input_value() == "vendor onee"
    box.fill("vendor one")
    page.locator("main").get_by_role("button", name="Search").click()
    page.wait_for_load_state()  # the click waits for the new page to start loading, not to load
    assert "/search/?q=vendor+one" in page.url
    assert page.get_by_role("link", name="Vendor One").count() >= 1


def test_a_notice_about_the_query_is_shown_above_the_page(live_server, mini_db, browser):
    page = browser.new_page()
    page.goto(f"{live_server.url}/governments/US/?utm_source=newsletter")
    notice = page.get_by_role("status")
    assert notice.is_visible()
    assert notice.inner_text() == (
        "This page does not know the parameter “utm_source” and ignored it."
    )
    assert serious_violations(page) == []
