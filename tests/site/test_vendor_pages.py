"""Vendor and person pages, in the real browser on the bundled data: ended designations and ties
read as ended, with their dates, and a group shows its members' designations with the path."""

from __future__ import annotations

import pytest

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
