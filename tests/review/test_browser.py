"""Submit, then approve, in the real browser without a line of JavaScript of ours: a
contributor signs in and submits a measure with its source, a reviewer who is not the author
approves it, and the public page shows it."""

from __future__ import annotations

from typing import Any

import pytest

from mercwatch.review.forms import shown
from tests.review.helpers import person, proposal
from tests.site.browser import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a long and unusual passphrase 31"


def _sign_in(browser: Any, base: str, name: str) -> Any:
    page = browser.new_context().new_page()
    page.goto(f"{base}/account/sign-in/?next=/submit/")
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


@pytest.fixture
def accounts(mini_db: Any, django_user_model: Any) -> None:
    """A contributor and a reviewer with passwords (made before the browser starts: the ORM
    refuses to run in the browser driver's event loop)."""
    for name, role in (("carla", "contributor"), ("rita", "reviewer")):
        user = person(django_user_model, name, role)
        user.set_password(PASSWORD)
        user.save()


def test_submit_then_approve_in_the_browser(live_server, accounts, browser):
    base = live_server.url
    page = _sign_in(browser, base, "carla")
    assert page.get_by_role("heading", level=1).inner_text() == "Submit evidence"
    assert serious_violations(page) == []
    page.get_by_label("What you propose").select_option("new-measure")
    page.get_by_label("Title").fill("France's export pledge")
    page.get_by_label("Statement").fill("The report quotes the pledge in full.")
    bad = proposal()
    bad["measures"][0]["type"] = "wish"
    page.get_by_label("Proposed records (YAML, as in the data files)").fill(shown(bad))
    page.get_by_role("button", name="Check and submit").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").first.inner_text()
    assert "measures[0].type" in alert  # at its field, nothing queued
    page.get_by_label("Proposed records (YAML, as in the data files)").fill(shown(proposal()))
    page.get_by_role("button", name="Check and submit").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "France's export pledge"
    address = page.url
    assert page.get_by_role("heading", name="Decide").count() == 0  # not by the author
    reviewer = _sign_in(browser, base, "rita")
    reviewer.goto(address)
    reviewer.get_by_label("Approve and publish").check()
    reviewer.get_by_label("Reason (sent to the contributor)").fill("Sourced and in scope.")
    reviewer.get_by_role("button", name="Decide").click()
    reviewer.wait_for_load_state()
    assert "Approved" in reviewer.get_by_role("main").inner_text()
    public = browser.new_context().new_page()
    public.goto(f"{base}/governments/FR/measures/")
    assert "France pledges spyware export restraint" in public.get_by_role("main").inner_text()
