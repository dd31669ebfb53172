"""The real browser (Debian's chromium, driven by Playwright) on the served pages."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser.new_page()
        browser.close()


def test_scorecard_in_the_browser_makes_no_third_party_request(live_server, mini_db, page):
    origin = urlsplit(live_server.url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/?as_of=2022-01-01")
    assert page.locator("table caption").inner_text().startswith("Governments")
    page.get_by_role("link", name="United States").click()
    assert page.get_by_role("heading", level=1).inner_text() == "United States"
    assert requested
    assert {urlsplit(url).netloc for url in requested} == {origin}
