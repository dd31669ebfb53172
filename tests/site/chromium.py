"""Helpers for the browser tests of the actor, vendor and change pages: the text a reader sees
and the JSON twin of the open page (the browser and page fixtures are in tests/conftest.py)."""

from __future__ import annotations

import json
from typing import Any


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
