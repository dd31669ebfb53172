"""In the real browser: a reviewer freezes the current state, publishes it, opens the edition's
page and the diff from the edition before; both pages fit at 1280 and 375 px and pass axe."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client

from mercwatch.store.writes import apply
from mercwatch.tracker.models import Measure
from mercwatch.workflow import editions, gate
from tests.site.browser import ARGS, CHROMIUM, overflows, serious_violations
from tests.workflow.conftest import DAY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _correct() -> None:
    measure = Measure.objects.get(id="fr-call")
    measure.title = "A call for a ban"
    measure.save()


@pytest.fixture
def session(mini_db: Any, django_user_model: Any) -> dict[str, Any]:
    """A signed-in reviewer's session, a first published edition and a correction after it,
    made before the browser starts its event loop."""
    user = django_user_model.objects.create_user("reviewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="freeze_edition"))
    first = gate.publish(editions.freeze(title="January 2026", day=DAY, user=user))
    apply(_correct, reason="Correct the title to the call's own words", user=user)
    client = Client()
    client.force_login(user)
    return {"cookie": client.cookies[settings.SESSION_COOKIE_NAME].value, "first": first.id}


@pytest.fixture
def browser(session: dict[str, Any]) -> Any:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def test_a_reviewer_freezes_publishes_and_diffs_an_edition(live_server, browser, session):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session["cookie"], "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(live_server.url + "/editions/")
    page.get_by_role("link", name="Freeze the current state as an edition").click()
    page.get_by_label("Title").fill("February 2026")
    page.get_by_label("As of").fill(DAY.isoformat())
    page.get_by_label("Notes").fill("The call's title corrected.")
    page.get_by_role("button", name="Freeze").click()
    page.wait_for_url("**/editions/2026-01-15-*/", timeout=120_000)
    assert "A draft: not published yet." in page.content()
    page.get_by_role("button", name="Publish this edition").click()
    page.wait_for_load_state()
    assert page.get_by_text("Published").count() >= 1
    edition_url = page.url
    citation = page.locator("p.citation").inner_text()
    assert citation.startswith(
        "mercwatch contributors. February 2026. mercwatch, edition 2026-01-15-"
    )
    page.get_by_role("link", name="What changed since the edition “January 2026”").click()
    page.wait_for_url(f"**/editions/{session['first']}/diff/*/")
    text = page.locator("main").inner_text()
    assert "A call for a ban" in text
    assert "Correct the title to the call's own words" in text
    diff_url = page.url
    for width in (1280, 375):
        for url in (edition_url, diff_url):
            shown = context.new_page()
            shown.set_viewport_size({"width": width, "height": 900})
            assert shown.goto(url) is not None
            assert not overflows(shown), (url, width)
            assert serious_violations(shown) == [], (url, width)
            shown.close()
    context.close()
