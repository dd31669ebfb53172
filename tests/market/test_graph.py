"""The relationship graph (site/services/graph.py): bounded, every label inside the drawing and
clear of the others, and names drawn as text (escaped), never as markup."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from mercwatch.core.partial_dates import PartialDate
from mercwatch.site.services.graph import (
    HEIGHT,
    NODES_SHOWN,
    WIDTH,
    Graph,
    graph_of,
    label_box,
    lines_of,
)
from mercwatch.tracker.snapshot import Actor, Relationship, Snapshot
from tests.security.payloads import PAYLOADS, reflected

TODAY = dt.date(2026, 1, 1)


def group_of(members: int, name: str = "Member company number {i} of the group") -> Snapshot:
    group = Actor("group", "vendor", "A Group")
    people = [
        Actor(
            f"m{i}",
            "vendor",
            name.replace("{i}", str(i)),
            relationships=(Relationship("part-of", "group", PartialDate.parse("2020")),),
        )
        for i in range(members)
    ]
    return Snapshot(actors={a.id: a for a in [group, *people]})


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_labels(g: Graph) -> None:
    boxes = [label_box(n) for n in (g.centre, *g.nodes)]
    x, y, w, h = g.box
    for b in boxes:
        assert (b[0] >= 0, b[2] <= WIDTH, b[1] >= 0, b[3] <= HEIGHT) == (True,) * 4, b
        assert (x <= b[0], b[2] <= x + w, y <= b[1], b[3] <= y + h) == (True,) * 4, (b, g.box)
    clashes = [
        (x.name, y.name)
        for i, (x, bx) in enumerate(zip((g.centre, *g.nodes), boxes, strict=True))
        for y, by in list(zip((g.centre, *g.nodes), boxes, strict=True))[i + 1 :]
        if overlaps(bx, by)
    ]
    assert clashes == []


def test_a_large_group_is_drawn_bounded_and_says_how_many_it_left_out():
    g = graph_of(group_of(40), "group", TODAY)
    assert g is not None
    assert len(g.nodes) == NODES_SHOWN
    assert g.left_out == 40 - NODES_SHOWN
    assert g.wide
    check_labels(g)


def test_a_graph_of_one_tie_is_drawn_small():
    g = graph_of(group_of(1, name="Solo"), "group", TODAY)
    assert g is not None
    assert g.box[2] < WIDTH / 2
    assert not g.wide


@pytest.mark.parametrize("members", [1, 2, 3, 5, 8, NODES_SHOWN])
def test_every_label_is_inside_the_drawing_and_clear_of_the_others(members):
    g = graph_of(group_of(members), "group", TODAY)
    assert g is not None
    check_labels(g)


@pytest.mark.parametrize(
    "actor", ["intellexa-consortium", "nso-group", "sara-hamou", "variston-it", "tal-dilian"]
)
def test_the_bundled_graphs_have_readable_labels(bundled_data, actor):
    g = graph_of(bundled_data, actor, TODAY)
    assert g is not None
    check_labels(g)


def test_an_actor_without_ties_has_no_graph(bundled_data):
    assert graph_of(bundled_data, "candiru", TODAY) is None


def test_a_long_name_is_broken_between_words_in_two_lines_at_most():
    assert lines_of("Intellexa Consortium") == ("Intellexa", "Consortium")
    assert lines_of("Q Cyber Technologies") == ("Q Cyber", "Technologies")
    lines = lines_of("Protect Electronic Systems and Many Other Words Besides")
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert all(len(line) <= 18 for line in lines_of("Averyveryverylongsinglewordname Ltd"))


def test_the_group_s_designated_members_are_marked(bundled_data):
    g = graph_of(bundled_data, "intellexa-consortium", TODAY)
    assert g is not None
    marked = {n.actor for n in g.nodes if n.designated}
    assert "intellexa-sa" in marked
    assert "andrea-gambazzi" not in marked  # removed on 30 December 2025
    assert not g.centre.designated  # the consortium itself is not designated


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_a_hostile_name_is_drawn_as_text(name):
    data = group_of(3, name=PAYLOADS[name] + " {i}")
    g = graph_of(data, "group", TODAY)
    svg = render_to_string("site/graph.html", {"graph": g})
    assert not reflected(PAYLOADS[name], svg)
