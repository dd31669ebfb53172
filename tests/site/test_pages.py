"""The pages that `make run` serves, rendered from the loaded data."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def cell(html: str, actor_name: str, column: int) -> str:
    row = re.search(rf"<tr><th scope=\"row\"><a [^>]*>{actor_name}</a></th>(.*?)</tr>", html)
    assert row, actor_name
    cells: list[str] = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
    return cells[column]


def test_scorecard_lists_governments_with_their_levels(client, mini_db):
    html = client.get("/?as_of=2022-01-01").content.decode()
    assert "<caption>Governments × the seven government recommendations</caption>" in html
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


def test_unknown_government_and_bad_date_are_not_found(client, mini_db):
    assert client.get("/governments/ZZ/").status_code == 404
    assert client.get("/governments/acme/").status_code == 404
    assert client.get("/?as_of=2021-13-01").status_code == 404


def test_a_page_shows_new_data_after_a_load(client, mini_db, write):
    from mercwatch.tracker.loader.validate import check_dir
    from mercwatch.tracker.loader.write import write_dataset

    assert "A moratorium call" not in client.get("/governments/FR/").content.decode()
    path = mini_db / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    write_dataset(check_dir(mini_db), reason="test")
    assert "A moratorium call" in client.get("/governments/FR/").content.decode()
