"""The page a reader gets past the search's rate limit, as seen in the real browser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from tests.site.browser import overflows, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def one_search_a_minute(settings) -> Iterator[None]:
    """A limit of one search a minute, counted afresh (a flush leaves the cache's table)."""
    settings.SEARCH_RATE_LIMIT = 1
    cache.clear()
    yield
    cache.clear()


def test_past_the_search_limit_the_reader_gets_the_site_s_own_page(
    live_server, mini_db, one_search_a_minute, browser
):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    first = page.goto(f"{live_server.url}/search/?q=vendor")
    assert first is not None
    assert first.status == 200
    refused = page.goto(f"{live_server.url}/search/?q=vendor+one")
    assert refused is not None
    assert refused.status == 429
    assert 50 <= int(refused.headers["retry-after"]) <= 60  # the first search, a moment ago
    assert page.get_by_role("heading", level=1).inner_text() == "Too many requests"
    assert "more than 1 search a minute" in page.get_by_role("alert").inner_text()
    assert page.get_by_role("navigation", name="Main").is_visible()
    assert serious_violations(page) == []
    assert not overflows(page)
    page.get_by_role("link", name="the scorecard").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).is_visible()
