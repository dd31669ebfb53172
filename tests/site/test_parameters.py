"""The site tells the reader what it made of the query: parameters it does not know (ignored,
so that old links keep working), dates in the future, and an edition winning over a date."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html import unescape

import pytest

from mercwatch.store.sync import load
from mercwatch.tracker.loader.validate import check_dir
from tests.site.test_pages import PAGES

pytestmark = pytest.mark.django_db

# Every page type, with the JSON twin of each (the home page's twin is /index.json).
PAGE_TYPES = [
    *PAGES,
    "/organisations/",
    "/governments/US/measures/",
    "/governments/US/evidence/blueprint/5/",
]


def _twin(path: str) -> str:
    base, _, query = path.partition("?")
    twin = "/index.json" if base == "/" else base[:-1] + ".json"
    return twin + (f"?{query}" if query else "")


def _with(path: str, extra: str) -> str:
    return path + ("&" if "?" in path else "?") + extra


def _notices(html: str) -> list[str]:
    found = re.search(r'<section class="notices" role="status"[^>]*><ul>(.*?)</ul>', html, re.S)
    return [unescape(n) for n in re.findall(r"<li>(.*?)</li>", found.group(1))] if found else []


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_says_it_ignored_a_parameter_it_does_not_know(client, mini_db, path):
    response = client.get(_with(path, "utm_source=newsletter"))
    assert response.status_code == 200
    assert _notices(response.content.decode()) == [
        "This page does not know the parameter “utm_source” and ignored it."
    ]
    twin = client.get(_with(_twin(path), "utm_source=newsletter"))
    assert twin.status_code == 200
    assert twin.json()["notices"] == [
        {
            "kind": "unknown-parameter",
            "parameter": "utm_source",
            "message": "This page does not know the parameter “utm_source” and ignored it.",
        }
    ]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_page_type_has_a_notice_for_the_parameters_it_knows(client, mini_db, path):
    assert _notices(client.get(path).content.decode()) == []
    assert client.get(_twin(path)).json()["notices"] == []


def test_the_scorecards_own_links_and_form_use_only_parameters_it_knows(client, mini_db):
    html = client.get("/?as_of=2022-01-01&paris=1&region=Europe&sort=name&map=blueprint/5").content
    for href in re.findall(r'href="(/\?[^"]+)"', html.decode()):
        assert _notices(client.get(unescape(href)).content.decode()) == [], href


def test_a_date_in_the_future_says_the_page_shows_the_data_as_known_today(client, mini_db):
    today = dt.date.today()
    later = today.replace(year=today.year + 3)
    html = client.get(f"/governments/US/?as_of={later.isoformat()}").content.decode()
    (notice,) = _notices(html)
    assert notice.startswith(f"as_of: {later.day} {later:%B} {later.year} is in the future.")
    assert "This page shows the data as known today" in notice
    assert "nothing else is forecast" in notice
    twin = client.get(f"/governments/US.json?as_of={later.isoformat()}").json()
    assert [n["kind"] for n in twin["notices"]] == ["future-date"]
    changes = client.get(f"/changes/?until={later.isoformat()}").content.decode()
    assert "until: " in _notices(changes)[0]
    assert _notices(client.get(f"/?as_of={today.isoformat()}").content.decode()) == []


@pytest.fixture
def edition_db(mini_dir, bundled_dir, django_db_blocker):
    """The mini dataset with the bundled editions."""
    shutil.copy(bundled_dir / "editions.yaml", mini_dir / "editions.yaml")
    with django_db_blocker.unblock():
        data = check_dir(mini_dir)
        assert data.errors == []
        load(data.snapshot, reason="test")
    return mini_dir


def test_when_a_date_and_an_edition_are_given_the_edition_wins_and_the_page_says_so(
    client, edition_db
):
    query = "?as_of=2022-01-01&edition=2023-11-blueprint-baseline"
    html = client.get("/" + query).content.decode()
    assert "<strong>as of 10 November 2023</strong>" in html
    (notice,) = _notices(html)
    assert notice == (
        "Both a date (as_of 1 January 2022) and an edition were given: the edition wins. This "
        "page shows the edition “Baseline at the Blueprint's publication”, as of its date, "
        "10 November 2023, by its methodology. To see 1 January 2022 instead, leave out the "
        "edition."
    )
    twin = client.get("/governments/US.json" + query).json()
    assert [n["kind"] for n in twin["notices"]] == ["edition-wins"]
    assert twin["as_of"]["as_of"] == "2023-11-10"
