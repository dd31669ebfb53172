"""A market actor with very many ties: its page draws and lists a bounded number of them and
says where the rest are; its JSON twin holds every one."""

from __future__ import annotations

from django.template.loader import render_to_string

from mercwatch.core.partial_dates import PartialDate
from mercwatch.site.services import vendors
from mercwatch.site.services.graph import NODES_SHOWN
from mercwatch.tracker.snapshot import Actor, Relationship, Snapshot


def test_a_group_of_150_members_lists_100_and_points_to_the_rest():
    group = Actor("group", "vendor", "A Group")
    members = [
        Actor(
            f"m{i}",
            "vendor",
            f"Member {i}",
            relationships=(Relationship("part-of", "group", PartialDate.parse("2020")),),
        )
        for i in range(150)
    ]
    data = Snapshot(actors={a.id: a for a in [group, *members]})
    context = vendors.vendor_page(data, group)
    html = render_to_string("site/vendor.html", {**context, "json_url": "/vendors/group.json"})
    assert html.count("A group that includes") == vendors.TIES_SHOWN
    assert "50 more ties are in" in html
    assert html.count('class="node') == NODES_SHOWN + 1
    assert "138 more ties are not drawn." in html
    assert len(context["json"]["relationships"]) == 150
