"""The pages that `make run` serves, rendered from the loaded data."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def cell(html: str, actor_name: str, column: int) -> str:
    row = re.search(rf"<tr><th scope=\"row\"><a [^>]*>{actor_name}</a></th>(.*?)</tr>", html)
    assert row, actor_name
    cells: list[str] = re.findall(r"<td[^>]*>(?:<a [^>]*>)?(.*?)(?:</a>)?</td>", row.group(1))
    return cells[column]


def test_scorecard_lists_governments_with_their_levels(client, mini_db):
    html = client.get("/?as_of=2022-01-01").content.decode()
    assert "Governments × the seven government recommendations, as of 1 January 2022" in html
    assert cell(html, "United States", 4) == "Implemented and enforced"
    assert cell(html, "Germany", 4) == "No public evidence found"


def test_as_of_moves_the_whole_scorecard_in_time(client, mini_db):
    before = client.get("/?as_of=2021-06-01").content.decode()
    assert cell(before, "United States", 4) == "Partial"


def test_government_page_explains_each_level_with_sources(client, mini_db):
    html = client.get("/governments/US/?as_of=2022-01-01").content.decode()
    assert "Entity List additions" in html
    assert "Named spyware vendors were listed." in html
    assert 'href="https://press.example/story"' in html


def test_unknown_government_is_not_found_and_a_bad_date_is_a_bad_request(client, mini_db):
    assert client.get("/governments/ZZ/").status_code == 404
    assert client.get("/governments/acme/").status_code == 404
    response = client.get("/?as_of=2021-13-01")
    assert response.status_code == 400
    assert "as_of: expected YYYY-MM-DD" in response.content.decode()


def test_a_page_shows_new_data_after_a_load(client, mini_db, write):
    from mercwatch.store.sync import load
    from mercwatch.tracker.loader.validate import check_dir

    assert "A moratorium call" not in client.get("/governments/FR/").content.decode()
    path = mini_db / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    load(check_dir(mini_db).snapshot, reason="test")
    assert "A moratorium call" in client.get("/governments/FR/").content.decode()


PAGES = [
    "/",
    "/governments/",
    "/governments/US/",
    "/companies/",
    "/companies/acme/",
    "/vendors/",
    "/vendors/vendor-one/",
    "/provisions/",
    "/provisions/blueprint/5/",
    "/measures/us-entity-list-2021/",
    "/sources/src-press/",
    "/compare/?ids=US&ids=FR",
    "/search/?q=entity",
    "/methodology/",
    "/changes/?since=2020-01-01",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin_that_it_links_to(client, mini_db, path):
    html = client.get(path).content.decode()
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', html)
    assert twin, path
    response = client.get(twin.group(1).replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()


def test_a_repeated_request_with_the_etag_gets_304_until_the_data_changes(client, mini_db):
    first = client.get("/governments/US/")
    assert first["ETag"]
    assert first["Last-Modified"]
    again = client.get("/governments/US/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    from mercwatch.store.sync import load
    from mercwatch.tracker.loader.validate import check_dir

    path = mini_db / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    load(check_dir(mini_db).snapshot, reason="test")
    assert client.get("/governments/US/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_json_twin_of_the_scorecard_follows_its_filters_and_sort(client, mini_db):
    data = client.get("/index.json?as_of=2024-01-01&sort=name&order=desc&joint=1").json()
    assert data["as_of"]["as_of"] == "2024-01-01"
    assert [r["id"] for r in data["rows"]] == ["FR"]
    assert data["query"]["members"] == ["joint-statement"]
    everyone = client.get("/index.json?as_of=2022-01-01&sort=blueprint/5").json()
    assert everyone["rows"][0]["id"] == "US"


def test_region_filter_uses_the_packaged_un_regions(client, mini_db):
    data = client.get("/index.json?region=Europe").json()
    assert {r["id"] for r in data["rows"]} == {"DE", "FR"}
    assert client.get("/?region=Atlantis").status_code == 400


def test_the_map_draws_each_country_as_a_link_with_its_level(client, mini_db):
    html = client.get("/?as_of=2022-01-01&map=blueprint/5").content.decode()
    assert '<svg viewBox="0 0 960 470"' in html
    assert 'aria-label="United States: Implemented and enforced"' in html
    assert 'aria-label="Germany: No public evidence found"' in html


def test_recommendation_page_sets_approaches_side_by_side(client, mini_db):
    html = client.get("/provisions/blueprint/5/?as_of=2022-01-01").content.decode()
    assert "Entity List additions" in html
    assert "Named spyware vendors were listed." in html
    data = client.get("/provisions/blueprint/5.json?as_of=2022-01-01").json()
    assert [a["actor"] for a in data["approaches"]] == ["US"]


def test_measure_and_source_pages_show_who_when_and_what_cites_it(client, mini_db):
    html = client.get("/measures/us-temporary-rule/").content.decode()
    assert "United States" in html
    assert "repealed" in html
    assert "June 2022" in html
    source = client.get("/sources/src-press.json").json()
    assert {"kind": "measure", "id": "us-entity-list-2021"} in source["cited_by"]


def test_vendor_page_lists_the_designations_aimed_at_it(client, mini_db):
    html = client.get("/vendors/vendor-one/").content.decode()
    assert "Entity List additions" in html
    assert client.get("/vendors/US/").status_code == 404


def test_compare_sets_two_to_four_governments_side_by_side(client, mini_db):
    data = client.get("/compare.json?ids=US&ids=FR&as_of=2022-01-01").json()
    assert [a["actor"] for a in data["assessments"][:2]] == ["US", "FR"]
    assert client.get("/compare/?ids=US&ids=FR&ids=DE&ids=EU&ids=GB").status_code == 400
    assert client.get("/compare/?ids=US&ids=acme").status_code == 400


def test_search_ranks_matches_across_actors_measures_sources_and_provisions(client, mini_db):
    results = client.get("/search.json?q=entity list").json()["results"]
    assert results[0]["ref"] == "us-entity-list-2021"
    kinds = {r["kind"] for r in client.get("/search.json?q=united").json()["results"]}
    assert "actor" in kinds
    assert client.get("/search.json?q=blacklist").json()["results"][0]["kind"] == "provision"
    assert client.get("/search.json?q=zzzznothing").json()["results"] == []


def test_search_index_is_rebuilt_after_a_load(client, mini_db):
    from mercwatch.store.sync import load
    from mercwatch.tracker.loader.validate import check_dir

    assert client.get("/search.json?q=moratorium").json()["results"]
    path = mini_db / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("moratorium", "pause"))
    load(check_dir(mini_db).snapshot, reason="test")
    assert client.get("/search.json?q=moratorium").json()["results"] == []


def test_changes_page_and_atom_feeds_list_level_changes(client, mini_db):
    data = client.get("/changes.json?since=2021-01-01&until=2022-01-01").json()
    ids = [c["id"] for c in data["changes"]]
    assert "2021-11-03/US/blueprint/5" in ids
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    for path in (
        "/changes/feed.atom",
        "/governments/US/feed.atom",
        "/provisions/blueprint/5/feed.atom",
    ):
        response = client.get(path)
        assert response["Content-Type"].startswith("application/atom+xml")
        titles = [
            e.findtext(f"{atom}title")
            for e in ElementTree.fromstring(response.content).iter(f"{atom}entry")
        ]
        assert any("Blacklist violators" in (t or "") for t in titles), path
    feed = ElementTree.fromstring(client.get("/provisions/blueprint/5/feed.atom").content)
    assert feed.findtext(f"{atom}title") == "mercwatch: 5. Blacklist violators"  # no code
    vendor = ElementTree.fromstring(client.get("/vendors/vendor-one/feed.atom").content)
    assert [e.findtext(f"{atom}title") for e in vendor.iter(f"{atom}entry")] == [
        "United States: Entity List additions"
    ]
    assert client.get("/changes/?since=2022-01-01&until=2021-01-01").status_code == 400


def test_company_page_shows_the_industry_provisions(client, mini_db):
    data = client.get("/companies/acme.json").json()
    codes = [a["provision"] for a in data["assessments"]]
    assert "techaccord/1" in codes
    assert "blueprint/1" not in codes


def test_methodology_page_is_rendered_from_the_methodology_file(client, mini_db):
    html = client.get("/methodology/").content.decode()
    assert "Implemented and enforced" in html
    assert "History" in html
    assert client.get("/methodology/?version=1999.1").status_code == 400


def test_the_paris_call_filter_lists_every_supporter_with_a_dated_or_retrieved_report(
    client, bundled_db
):
    import yaml

    members = yaml.safe_load((bundled_db / "memberships" / "paris-call.yaml").read_text())
    recorded = {m["actor"] for m in members["members"]}
    shown = {r["id"] for r in client.get("/index.json?paris=1").json()["rows"]}
    assert shown == recorded  # Ghana too, now dated from the report of 2 December 2018
    assert len(shown) >= 78
    earlier = {r["id"] for r in client.get("/index.json?paris=1&as_of=2026-11-30").json()["rows"]}
    assert "AL" in shown
    assert "AL" not in earlier  # known only from the supporter files read on 1 December 2026


def test_the_headline_numbers_count_the_governments_the_filters_select(client, mini_db):
    def evidence_on(query: str, code: str) -> int:
        headline = client.get(f"/index.json?as_of=2024-06-01{query}").json()["headline"]
        return int(next(h["with_evidence"] for h in headline if h["provision"] == code))

    assert evidence_on("", "blueprint/5") == 1  # the United States
    assert evidence_on("&joint=1", "blueprint/5") == 0  # France and Germany only
    assert evidence_on("&joint=1", "blueprint/1") == 2
    html = client.get("/?as_of=2024-06-01&joint=1").content.decode()
    assert "(of the 2 the filters select)" in html


def test_a_membership_of_unknown_start_says_from_when_it_counts(client, mini_db):
    html = client.get("/governments/DE/").content.decode()
    assert "start date unknown, so counted from 22 May 2024, the earliest date a source" in html
    (member,) = client.get("/governments/DE.json").json()["memberships"]
    assert (member["since"], member["counts_from"]) == (None, "2024-05-22")
    (french,) = client.get("/governments/FR.json").json()["memberships"]
    assert (french["since"], french["counts_from"]) == ("2023-03-30", "2023-03-30")
