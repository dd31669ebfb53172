"""The API's pages for people in the real browser: accessible, narrow-screen safe, local only."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.site.browser import overflows, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGES = ["/api/v1/docs/", "/api/v1/problems/unknown-value"]


def test_the_api_docs_and_problem_pages_have_no_serious_axe_violation(
    live_server, bundled_db, browser
):
    page = browser.new_page()
    origin = urlsplit(live_server.url).netloc
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    found = {}
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response is not None, path
        assert response.status == 200, path
        found[path] = serious_violations(page)
    assert found == {path: [] for path in PAGES}
    assert {urlsplit(url).netloc for url in requested} == {origin}


def test_the_api_docs_and_problem_pages_do_not_scroll_sideways_at_375_px(
    live_server, bundled_db, browser
):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    assert [p for p in PAGES if page.goto(live_server.url + p) and overflows(page)] == []


def test_a_docs_form_answers_without_javascript(live_server, bundled_db, browser):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/api/v1/docs/")
    section = page.locator("#actors-list-actors")
    section.get_by_label("kind").select_option("country")
    section.get_by_role("button").click()
    assert page.url == live_server.url + "/api/v1/actors?kind=country"
    assert '"total"' in page.content()
