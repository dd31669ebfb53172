"""Fixtures for the browser tests of the actor, vendor and change pages: one chromium per test,
a page on it, and the text a reader sees. Import them into a test module to use them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.site.browser import ARGS, CHROMIUM


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Any:
    return browser.new_page()


def main_text(page: Any, url: str) -> str:
    """Give the visible text of the page's main content, as a reader sees it."""
    response = page.goto(url)
    assert response is not None, url
    assert response.status == 200, url
    return str(page.locator("main").inner_text())


def twin_of(page: Any, base: str) -> Any:
    """Give the JSON twin the open page links to, parsed."""
    href = page.locator('link[rel="alternate"][type="application/json"]').get_attribute("href")
    response = page.request.get(base + href)
    assert response.status == 200, href
    return json.loads(response.text())
