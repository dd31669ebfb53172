"""The compare page in the real browser, at 1280 and 375 px."""

from __future__ import annotations

import pytest

from tests.site.browser import overflows, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 375])
def test_compare_with_others_leads_to_a_comparison(live_server, bundled_db, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{live_server.url}/governments/US/")
    page.get_by_role("link", name="Compare with others").click()
    assert page.get_by_label("Government 1").input_value() == "US"
    assert page.get_by_text("United States is chosen.").is_visible()
    assert serious_violations(page) == []
    assert not overflows(page)
    page.get_by_label("Government 2").select_option("FR")
    page.get_by_label("Government 3").select_option("EU")
    page.get_by_label("As of").fill("2024-01-01")
    page.get_by_role("button", name="Compare").click()
    assert "as of 1 January 2024" in page.locator("table.compare caption").inner_text()
    assert page.locator("table.compare tfoot td.total").count() == 3
    assert page.get_by_text("What the levels mean").is_visible()
    assert serious_violations(page) == []
    assert not overflows(page)


def test_row_labels_stay_in_view_when_the_table_scrolls_at_375_px(live_server, bundled_db, browser):
    page = browser.new_page(viewport={"width": 375, "height": 900})
    page.goto(f"{live_server.url}/compare/?ids=US&ids=FR&ids=EU&ids=DE")
    scroller = page.locator("div.scroll", has=page.locator("table.compare"))
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
    label = page.locator("table.compare tbody th").first
    before = label.bounding_box()
    scroller.evaluate("el => { el.scrollLeft = 400; }")
    after = label.bounding_box()
    assert before is not None
    assert after is not None
    assert after["x"] == pytest.approx(before["x"], abs=1)
    assert scroller.evaluate("el => el.scrollLeft") > 0
    assert not overflows(page)
