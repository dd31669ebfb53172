"""Long lists stay readable: capped explanations, full lists a page at a time, bad pages named."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from mercwatch.core.partial_dates import PartialDate
from mercwatch.site.services.explain import decisive, shown
from mercwatch.site.services.paging import At, NoSuchPage, first_page, page_of
from mercwatch.tracker.derive import Assessment, Contribution


def _contribution(n: int, *, decisive: bool = False, disputed: bool = False) -> Contribution:
    return Contribution(
        "measure", f"m{n}", f"Measure {n}", PartialDate.parse(f"20{n:02d}"), "partial", "why",
        (), "low", disputed, decisive,
    )  # fmt: skip


def _assessment(contributions: list[Contribution]) -> Assessment:
    return Assessment(
        "US", "blueprint/5", dt.date(2026, 1, 1), "partial", "Partial", 1, True, "low",
        "2026.1", "rule", "text", tuple(contributions),
    )  # fmt: skip


def test_an_explanation_keeps_the_decisive_disputed_and_newest_in_the_engines_order():
    items = [_contribution(n) for n in range(1, 21)]
    items[2] = _contribution(3, decisive=True)
    items[4] = _contribution(5, disputed=True)
    part = shown(_assessment(items), limit=4)
    assert [c.id for c in part.contributions] == ["m3", "m5", "m19", "m20"]
    assert part.hidden == 16
    explanation = part.as_dict()["explanation"]
    assert [m["id"] for m in explanation["measures"]] == ["m3", "m5", "m19", "m20"]
    assert explanation["not_shown"] == 16


def test_a_short_explanation_is_shown_whole_and_decisive_lists_say_how_many_more():
    items = [_contribution(n, decisive=True) for n in range(1, 8)]
    assert shown(_assessment(items[:3])).hidden == 0
    named, more = decisive(_assessment(items), limit=5)
    assert [c.id for c in named] == ["m1", "m2", "m3", "m4", "m5"]
    assert more == 2


def test_a_page_of_a_list_links_its_neighbours_by_path_and_keeps_the_query():
    page = page_of(list(range(250)), At("/changes/page/2/", {"since": "2020-01-01"}, "2"))
    assert (page.number, page.pages, page.total, page.first) == (2, 3, 250, 101)
    assert page.items == list(range(100, 200))
    assert page.previous_url == "/changes/?since=2020-01-01"
    assert page.next_url == "/changes/page/3/?since=2020-01-01"
    assert page_of(list(range(250)), At("/changes/", {})).next_url == "/changes/page/2/"


@pytest.mark.parametrize(
    ("path", "first"),
    [("/changes/", "/changes/"), ("/changes/page/2/", "/changes/"),
     ("/changes/page/2.json", "/changes/"), ("/changes.json", "/changes/"),
     ("/provisions/blueprint/5/page/12/", "/provisions/blueprint/5/")],
)  # fmt: skip
def test_every_page_of_a_list_and_its_twin_knows_the_first_page(path, first):
    assert first_page(path) == first


@pytest.mark.parametrize("number", ["0", "4"])
def test_a_page_number_outside_the_list_is_no_such_page(number):
    with pytest.raises(NoSuchPage) as err:
        page_of(list(range(250)), At("/changes/", {}, number))
    assert str(err.value) == f"There is no page {number} of this list: it has pages 1 to 3."


@pytest.mark.django_db
def test_a_busy_government_page_shows_a_dozen_contributions_and_links_to_all(client, busy_db):
    html = client.get("/governments/US/?as_of=2022-01-01").content.decode()
    section = html[html.index('id="blueprint5"') : html.index('id="blueprint6"')]
    assert section.count('</span> – <span class="lv lv-') == 12  # one per contribution shown
    assert "108 more contributions" in section
    link = re.search(r'href="(/governments/US/evidence/blueprint/5/\?as_of=2022-01-01)"', section)
    assert link, section[-600:]
    assert "The 50 most recent of 180 measures" in html  # 60 are dated after the day
    assert "60 measures dated after 1 January 2022 are not shown" in html
    twin = client.get("/governments/US.json?as_of=2022-01-01").json()
    cell = next(a for a in twin["assessments"] if a["provision"] == "blueprint/5")
    assert len(cell["explanation"]["measures"]) == 12
    assert cell["explanation"]["not_shown"] == 108
    assert (len(twin["measures"]), twin["measures_total"], twin["measures_later"]) == (50, 180, 60)

    evidence = client.get(link.group(1).replace("&amp;", "&"))
    assert evidence.status_code == 200
    body = evidence.content.decode()
    assert "Page 1 of 2 (120 in all)" in body
    assert 'rel="next" href="/governments/US/evidence/blueprint/5/page/2/?as_of=2022-01-01"' in body
    second = client.get("/governments/US/evidence/blueprint/5/page/2.json?as_of=2022-01-01").json()
    assert (second["page"], second["pages"], second["total"]) == (2, 2, 120)
    assert len(second["assessment"]["explanation"]["measures"]) == 20


@pytest.mark.django_db
def test_every_measure_of_a_government_is_a_page_at_a_time(client, busy_db):
    first = client.get("/governments/US/measures/").content.decode()
    assert "Page 1 of 3 (240 in all)" in first
    last = client.get("/governments/US/measures/page/3.json").json()
    assert (last["page"], last["total"], len(last["measures"])) == (3, 240, 40)
    response = client.get("/governments/US/measures/page/4/")
    assert response.status_code == 404
    assert "There is no page 4 of this list: it has pages 1 to 3." in response.content.decode()


@pytest.mark.django_db
def test_the_evidence_and_measure_lists_are_only_for_assessed_actors_and_provisions(
    client, mini_db
):
    assert client.get("/governments/US/evidence/blueprint/99/").status_code == 404
    assert client.get("/governments/US/evidence/techaccord/1/").status_code == 404
    assert client.get("/companies/US/measures/").status_code == 404
    assert client.get("/governments/acme/measures/").status_code == 404
    html = client.get("/governments/US/evidence/blueprint/5/?as_of=2022-01-01").content.decode()
    assert "Named spyware vendors were listed." in html
    assert "Page 1 of" not in html  # one page: no pager


@pytest.mark.django_db
def test_the_changes_page_is_paged_and_says_how_many_in_all(client, busy_db):
    html = client.get("/changes/?since=2000-01-01").content.decode()
    heading = re.search(r"<h2>(\d+) changes?</h2>", html)
    assert heading
    total = int(heading.group(1))
    twin = client.get("/changes.json?since=2000-01-01").json()
    assert twin["total"] == total
    assert len(twin["changes"]) == min(total, 100)


@pytest.mark.django_db
def test_the_static_export_holds_every_page_of_a_long_list(busy_db, tmp_path):
    from mercwatch.site.export import build

    result = build(tmp_path / "site")
    assert result.errors == []
    evidence = tmp_path / "site" / "governments" / "US" / "evidence" / "blueprint" / "5"
    assert (evidence / "index.html").exists()
    assert (evidence / "page" / "2" / "index.html").exists()
    assert (evidence / "page" / "2.json").exists()
    assert (
        tmp_path / "site" / "governments" / "US" / "measures" / "page" / "3" / "index.html"
    ).exists()
