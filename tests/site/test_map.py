"""The home page's map: keyboard users skip its country links, the legend says where the table
is, a phone can zoom to a region without JavaScript, and a focused country is outlined itself."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from mercwatch.site.services import geometry
from tests.site.browser import overflows


def _mainland_centre(d: str) -> tuple[float, float]:
    def area(points: list[tuple[float, float]]) -> float:
        return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(points)))

    shapes = [
        [(float(x), float(y)) for x, y in re.findall(r"(-?[0-9.]+) (-?[0-9.]+)", sub)]
        for sub in re.findall(r"M[^M]*", d)
    ]
    largest = max(shapes, key=area)
    xs, ys = [x for x, _y in largest], [y for _x, y in largest]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def test_each_region_view_holds_the_mainland_of_each_of_its_countries():
    outside = []
    for code, d in geometry.paths().items():
        region = geometry.region_of().get(code, "")
        if region not in geometry.ZOOMS or code == "RU":  # Europe's view stops at the Urals
            continue
        x, y = _mainland_centre(d)
        left, top, width, height = (float(n) for n in geometry.view_box(region).split())
        if not (left <= x <= left + width and top <= y <= top + height):
            outside.append(f"{code} ({region})")
        assert geometry.in_view(code, region)
    assert outside == []


@pytest.mark.django_db
def test_an_unknown_zoom_is_a_bad_request_that_names_the_regions(client, mini_db):
    response = client.get("/?zoom=Atlantis")
    assert response.status_code == 400
    expected = "zoom: expected one of Africa, America, Asia, Europe, Oceania"
    assert expected in response.content.decode()


def _focused(page) -> dict[str, str]:
    focused: dict[str, str] = page.evaluate(
        """() => { const a = document.activeElement;
        return {href: a.getAttribute('href') || '', inCard: !!a.closest('table.scorecard'),
                inMap: !!a.closest('svg.world')}; }"""
    )
    return focused


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_the_top_a_few_tab_presses_reach_the_scorecard(live_server, bundled_db, browser):
    page = browser.new_page()
    page.goto(f"{live_server.url}/")
    presses = 0
    while presses < 10:
        page.keyboard.press("Tab")
        presses += 1
        focused = _focused(page)
        assert not focused["inMap"]
        if focused["inCard"]:
            break
        if focused["href"] == "#card-h":
            page.keyboard.press("Enter")
    assert focused["inCard"], f"not in the scorecard after {presses} presses"
    assert presses <= 5


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_tabbing_through_the_page_meets_a_skip_link_before_the_first_country(
    live_server, bundled_db, browser
):
    page = browser.new_page()
    page.goto(f"{live_server.url}/")
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = _focused(page)
        assert not focused["inMap"], "reached a country before a link that skips the map"
        if focused["href"] == "#card-h" and page.evaluate(
            "!!document.activeElement.closest('section.map')"
        ):
            break
    page.keyboard.press("Enter")
    for _ in range(4):
        page.keyboard.press("Tab")
        if _focused(page)["inCard"]:
            break
    assert _focused(page)["inCard"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_map_legend_points_to_the_scorecard_below_it(live_server, mini_db, browser):
    page = browser.new_page()
    page.goto(f"{live_server.url}/")
    legend = page.locator("p.map-legend")
    assert "scorecard below the map" in legend.inner_text()
    legend.get_by_role("link", name="scorecard below the map").click()
    assert page.url.endswith("#card-h")
    map_box = page.locator("svg.world").bounding_box()
    card_box = page.locator("table.scorecard").bounding_box()
    assert map_box
    assert card_box
    assert card_box["y"] > map_box["y"] + map_box["height"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_at_375_px_the_map_zooms_to_a_region_without_javascript(live_server, bundled_db, browser):
    page = browser.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 800}
    ).new_page()
    page.goto(f"{live_server.url}/?map=blueprint/5")
    germany = page.locator("svg.world a", has=page.locator("title", has_text="Germany:"))
    world = germany.bounding_box()
    assert world
    assert world["width"] < 24  # too small to tap on the world map
    page.get_by_role("navigation", name="Zoom the map").get_by_role("link", name="Europe").click()
    assert "zoom=Europe" in page.url
    assert "map=blueprint" in page.url
    assert page.locator("svg.world").get_attribute("viewBox") == geometry.view_box("Europe")
    assert page.get_by_role("heading", level=2, name="Map of Europe").count() == 1
    zoomed = germany.bounding_box()
    assert zoomed
    assert zoomed["width"] >= 24
    assert zoomed["height"] >= 24
    assert page.locator("svg.world a").count() < 100  # only the countries in view are links
    assert page.locator("svg.world a", has=page.locator("title", has_text="Brazil:")).count() == 0
    assert not overflows(page)
    page.get_by_role("link", name="The world").click()
    assert page.locator("svg.world").get_attribute("viewBox") == geometry.view_box()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_focused_country_is_outlined_on_its_own_shape(live_server, mini_db, browser):
    page = browser.new_page()
    page.goto(f"{live_server.url}/")
    page.locator("p.map-skip a").focus()
    page.keyboard.press("Tab")
    assert _focused(page)["inMap"]
    ring = page.evaluate(
        """() => { const a = document.activeElement, path = a.querySelector('path');
        const link = getComputedStyle(a), shape = getComputedStyle(path);
        return {outline: link.outlineStyle, stroke: shape.stroke, width: shape.strokeWidth}; }"""
    )
    assert ring == {"outline": "none", "stroke": "rgb(179, 92, 0)", "width": "3px"}
