"""Search: the entity a query names first, its country, typos, French country names, pages.

Run on SQLite and on PostgreSQL (DATABASE_URL): the expected results are the same for both.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def results(client, query: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = client.get("/search.json", {"q": query}).json()["results"]
    return found


def test_nso_ranks_nso_group_first_and_names_its_country(client, bundled_db):
    found = results(client, "NSO")
    assert (found[0]["kind"], found[0]["ref"], found[0]["country"]) == (
        "actor",
        "nso-group",
        "Israel",
    )
    assert found[0]["label"] == "Vendor"


def test_pegasus_ranks_the_product_first_and_sources_last(client, bundled_db):
    found = results(client, "Pegasus")
    assert (found[0]["kind"], found[0]["ref"], found[0]["country"]) == (
        "product",
        "pegasus",
        "Israel",
    )
    kinds = [r["kind"] for r in found]
    assert "source" in kinds
    first_source = kinds.index("source")
    assert all(k == "source" for k in kinds[first_source:])


def test_measures_found_name_the_country_of_who_took_them(client, bundled_db):
    measures = {r["ref"]: r for r in results(client, "NSO") if r["kind"] == "measure"}
    assert measures["us-entity-list-2021-11"]["country"] == "United States"
    html = client.get("/search/", {"q": "NSO"}).content.decode()
    assert (
        '<a href="/measures/us-entity-list-2021-11/">Entity List additions of NSO Group, Candiru,'
        ' Positive Technologies and COSEINC</a> <span class="country">– United States</span>'
    ) in html


def test_a_misspelt_name_gets_a_did_you_mean(client, bundled_db):
    answer = client.get("/search.json", {"q": "Pegsus"}).json()
    assert answer["results"] == []
    assert answer["suggestion"] == "Pegasus"
    html = client.get("/search/", {"q": "Pegsus"}).content.decode()
    assert 'Did you mean <a href="/search/?q=Pegasus">Pegasus</a>?' in html
    assert client.get("/search.json", {"q": "zzzzqqqq"}).json()["suggestion"] is None


@pytest.mark.parametrize(
    ("query", "country"),
    [("Allemagne", "DE"), ("Grèce", "GR"), ("grece", "GR"), ("États-Unis", "US")],
)
def test_country_names_match_in_french(client, bundled_db, query, country):
    found = results(client, query)
    assert (found[0]["kind"], found[0]["ref"]) == ("actor", country)


def test_long_results_are_paged_and_say_how_many(client, bundled_db):
    first = client.get("/search.json", {"q": "spyware"}).json()
    assert first["total"] > 50
    assert (first["page"], len(first["results"])) == (1, 50)
    html = client.get("/search/", {"q": "spyware"}).content.decode()
    assert f"<h2>{first['total']} results for “spyware”</h2>" in html
    assert f"Page 1 of {first['pages']} ({first['total']} in all)" in html
    assert re.search(r'rel="next" href="/search/page/2/\?q=spyware"', html)
    second = client.get("/search/page/2.json", {"q": "spyware"}).json()
    assert second["page"] == 2
    refs = {r["ref"] for r in first["results"]} | {r["ref"] for r in second["results"]}
    assert len(refs) == len(first["results"]) + len(second["results"])
    page_two = client.get("/search/page/2/", {"q": "spyware"}).content.decode()
    assert '<ol class="hits" start="51">' in page_two
