"""The /screen/ page in the real browser (Debian's chromium), at 1280 and 375 px: a name, a CSV
upload, a bad CSV, the CSV download; no sideways scroll, no serious accessibility fault."""

from __future__ import annotations

import pytest

from tests.site.browser import overflows, serious_violations, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_name_a_list_and_a_bad_list(live_server, bundled_db, browser, tmp_path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    blocked = watch_csp(page)
    page.goto(f"{live_server.url}/screen/")
    assert serious_violations(page) == []
    assert not overflows(page)

    page.get_by_label("Name").fill("Q Cyber Technologies S.à r.l.")
    page.get_by_role("button", name="Screen", exact=True).click()
    results = page.locator("section.screened")
    assert "affiliated with a designated entity" in results.inner_text()
    assert "the parent company of NSO Group" in results.inner_text()
    assert "legal form removed: S.à r.l." in results.inner_text()
    assert serious_violations(page) == []
    assert not overflows(page)

    names = tmp_path / "names.csv"
    names.write_text(
        "name,country\nКандиру,Israel\nSandvik,\nComputer Security Initiative Consultancy Pte. "
        "Ltd.,SG\n", encoding="utf-8",
    )  # fmt: skip
    page.goto(f"{live_server.url}/screen/")
    page.get_by_label("or a CSV list").set_input_files(str(names))
    page.get_by_role("button", name="Screen", exact=True).click()
    assert page.locator("article.query").count() == 3
    text = page.locator("section.screened").inner_text()
    assert "Candiru" in text
    assert "transliterated from Cyrillic" in text
    assert "No candidate at or above the threshold." in text
    assert not overflows(page)

    with page.expect_download() as download:
        page.get_by_label("or a CSV list").set_input_files(str(names))
        page.get_by_role("button", name="Screen and download CSV").click()
    body = download.value.path().read_text(encoding="utf-8")
    assert body.startswith("number,id,query,actor")
    assert "candiru" in body

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b'name\nNSO Group\n=HYPERLINK("http://x")\n')
    page.goto(f"{live_server.url}/screen/")
    page.get_by_label("or a CSV list").set_input_files(str(bad))
    page.get_by_role("button", name="Screen", exact=True).click()
    alert = page.get_by_role("alert")
    assert "line 3: name: the cell starts with '='" in alert.inner_text()
    assert page.locator("section.screened").count() == 0  # nothing half-screened
    assert not overflows(page)
    assert blocked == []
