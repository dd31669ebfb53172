"""Vendor, person and product pages and the cross-checks, in the real browser on the bundled
data: ended designations and ties read as ended, with their dates; a group shows its members'
designations with the path; the graph, the timeline and the cross-checks; every page fits 1280
and 375 px and asks nothing of another host."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.site.browser import overflows, serious_violations
from tests.site.chromium import main_text, twin_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_ended_designation_shows_its_dates_and_its_removal(live_server, bundled_db, page):
    text = main_text(page, f"{live_server.url}/vendors/sandvine/")
    assert "designated 27 February 2024 – 23 October 2024 (removed)" in text
    (d,) = twin_of(page, live_server.url)["designations"]
    assert (d["since"], d["until"], d["removed"], d["via"]) == (
        "2024-02-27",
        "2024-10-23",
        True,
        None,
    )


@pytest.mark.parametrize(
    ("person", "since"),
    [
        ("sara-hamou", "5 March 2024"),
        ("andrea-gambazzi", "16 September 2024"),
        ("merom-harpaz", "16 September 2024"),
    ],
)
def test_a_person_whose_designation_was_lifted_reads_as_removed(
    live_server,
    bundled_db,
    page,
    person,
    since,
):
    text = main_text(page, f"{live_server.url}/vendors/{person}/")
    assert f"designated {since} – 30 December 2025 (removed)" in text
    own = [d for d in twin_of(page, live_server.url)["designations"] if d["via"] is None]
    assert [d["removed"] for d in own] == [True]


def test_an_ended_tie_shows_its_dates_in_both_directions(live_server, bundled_db, page):
    nso = main_text(page, f"{live_server.url}/vendors/nso-group/")
    assert "Owned by or backed by Francisco Partners, 2014 – 2019 (ended)" in nso
    assert "is a owner of it" not in nso
    tie = next(
        r
        for r in twin_of(page, live_server.url)["related_from"]
        if r["actor"] == "francisco-partners"
    )
    assert (tie["kind"], tie["since"], tie["until"]) == ("owner", "2014", "2019")
    investor = main_text(page, f"{live_server.url}/vendors/francisco-partners/")
    assert "An owner of or investor in NSO Group, 2014 – 2019 (ended)" in investor


def test_a_group_shows_its_members_designations_with_the_path(live_server, bundled_db, page):
    text = main_text(page, f"{live_server.url}/vendors/intellexa-consortium/")
    assert "Designations: None recorded" not in text
    affiliated = page.locator("ul.affiliated > li")
    assert affiliated.count() == 3  # three US measures name its members and people
    assert all(t.startswith("United States: ") for t in affiliated.all_inner_texts())
    assert (
        "Through Intellexa S.A., part of Intellexa Consortium: designated since 18 July 2023"
        in text
    )
    assert (
        "Through Andrea Gambazzi, a member of Intellexa Consortium: "
        "designated 16 September 2024 – 30 December 2025 (removed)"
    ) in text
    designations = twin_of(page, live_server.url)["designations"]
    assert {d["measure"] for d in designations} == {
        "us-entity-list-2023-07",
        "us-ofac-intellexa-2024-03",
        "us-ofac-intellexa-2024-09",
    }
    assert all(d["via"]["object"] == "intellexa-consortium" for d in designations)


MARKET_PAGES = {
    "vendor": "/vendors/nso-group/",
    "group": "/vendors/intellexa-consortium/",
    "person": "/vendors/tal-dilian/",
    "successor's predecessor": "/vendors/variston-it/",
    "product": "/vendors/nso-group/products/pegasus/",
    "cross-checks": "/market/cross-checks/",
}


@pytest.mark.parametrize("width", [1280, 375])
def test_the_market_pages_fit_the_screen_with_only_our_own_requests(
    live_server, bundled_db, browser, width
):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    wide, violations = [], {}
    for name, path in MARKET_PAGES.items():
        response = page.goto(live_server.url + path)
        assert response is not None, name
        assert response.status == 200, name
        assert page.locator("h1").count() == 1, name
        if overflows(page):
            wide.append(name)
        if width == 1280 and (found := serious_violations(page)):
            violations[name] = found
    assert wide == []
    assert violations == {}
    assert {urlsplit(url).netloc for url in requested} == {urlsplit(live_server.url).netloc}


def test_a_vendor_page_shows_identity_graph_timeline_products_and_provenance(
    live_server, bundled_db, page
):
    text = main_text(page, f"{live_server.url}/vendors/nso-group/")
    assert "Country of incorporation\nIsrael" in text or "Country of incorporation\tIsrael" in text
    assert "IL" not in text.split()
    timeline = page.locator("ol.timeline > li")
    assert timeline.count() == 1
    assert timeline.first.inner_text().startswith("In force: designated since 4 November 2021")
    assert "United States" in timeline.first.inner_text()
    svg = page.locator("figure.graph svg")
    assert svg.count() == 1
    assert svg.locator("a").count() == page.locator("ul.relationships > li").count() == 3
    drawn = svg.text_content() or ""
    assert "Q Cyber" in drawn
    assert "owned by" in drawn
    assert "parent of" not in drawn
    assert page.locator("figure.graph line.ended").count() == 1  # Francisco Partners, 2014–2019
    page.get_by_role("link", name="Pegasus", exact=True).click()
    product = str(page.locator("main").inner_text())
    assert page.locator("h1").inner_text() == "Pegasus"
    assert "Kind\nspyware" in product
    assert "Made by\nNSO Group" in product
    assert "Where this comes from" in product
    twin = twin_of(page, live_server.url)
    assert (twin["product"]["id"], twin["vendor"], twin["provenance"]) == (
        "pegasus",
        "nso-group",
        "curated",
    )
    assert twin["measures"]  # findings and actions that name Pegasus
    nso = json.loads(page.request.get(f"{live_server.url}/vendors/nso-group.json").text())
    assert nso["country_name"] == "Israel"
    assert nso["provenance"] == "curated"
    assert nso["products"] == [
        {"id": "pegasus", "name": "Pegasus", "page": "/vendors/nso-group/products/pegasus/"}
    ]
    assert [d["in_force"] for d in nso["designations"]] == [True]


def test_a_product_without_a_page_is_a_404(live_server, bundled_db, page):
    response = page.goto(f"{live_server.url}/vendors/nso-group/products/predator/")
    assert response is not None
    assert response.status == 404  # Predator is Intellexa's


def test_a_person_page_reads_as_a_person(live_server, bundled_db, page):
    text = main_text(page, f"{live_server.url}/vendors/tal-dilian/")
    assert "Legal name\nTal Jonathan Dilian" in text
    assert "Roles and companies" in text
    assert "Relationships" not in text
    assert "Products" not in text
    assert "A founder of Intellexa Consortium" in text
    assert "Findings that name them" in text
    own = page.locator("ol.timeline > li")
    assert own.count() == 1
    assert "designated since 5 March 2024" in own.first.inner_text()


def test_the_successor_of_a_named_vendor_is_a_cross_check_on_both_pages_and_its_own(
    live_server, bundled_db, page
):
    expected = (
        "Paradigm Shift is recorded as the successor of Variston IT, not designated but named "
        "by Google (30 November 2022)"
    )
    for path in ("/vendors/variston-it/", "/vendors/paradigm-shift/", "/market/cross-checks/"):
        text = main_text(page, live_server.url + path)
        assert expected in text, path
        assert "Barcelona: The Unexpected Hub of Spyware Startups" in text, path
    twin = twin_of(page, live_server.url)
    found = {(f["rule"], f["subject"], f["vendor"]) for f in twin["findings"]}
    assert ("successor-of-named", "paradigm-shift", "variston-it") in found
    variston = next(f for f in twin["findings"] if f["subject"] == "paradigm-shift")
    assert variston["after"]["measure"] == "google-tag-variston-heliconia-2022"
    assert "ceotoday-barcelona-spyware-2025" in variston["sources"]
    page.goto(f"{live_server.url}/vendors/")
    page.get_by_role("link", name="Cross-checks: what the records joined together show").click()
    assert page.locator("h1").inner_text() == "Cross-checks"
