"""The Downloads and codebook pages in the real browser: they fit at 375 px and pass axe."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.site.browser import ARGS, CHROMIUM, overflows, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def built(market_db, tmp_path):
    """The download files of the market data, built before the browser starts its event loop."""
    with override_settings(VAR_DIR=tmp_path):
        call_command("export", "downloads")
        yield tmp_path


@pytest.fixture
def browser(built):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("path", ["/downloads/", "/downloads/codebook/"])
def test_downloads_pages_fit_at_375_px_and_have_no_serious_axe_violation(
    live_server, browser, path
):
    for width in (375, 1280):
        page = browser.new_page(viewport={"width": width, "height": 800})
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == 200
        assert not overflows(page), (path, width)
        assert serious_violations(page) == [], (path, width)
        page.close()


def test_downloads_shows_sizes_in_human_units(live_server, browser):
    page = browser.new_page()
    page.goto(live_server.url + "/downloads/")
    sizes = page.locator("td.size").all_inner_texts()
    assert len(sizes) == 8
    assert all(s.endswith(("KB", "MB")) for s in sizes), sizes
