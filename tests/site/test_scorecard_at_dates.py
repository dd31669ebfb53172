"""The scorecard at one date, then another: each row and map shape links to the government's
page at the date asked for, rendered once for what it shows and given that date's query."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from mercwatch.site.services.fragments import QUERY

pytestmark = pytest.mark.django_db


def _links(html: str) -> set[str]:
    """Give the links to governments' pages in the scorecard's rows and the map."""
    parts = re.findall(r"<tbody>.*?</tbody>|<svg.*?</svg>", html, flags=re.S)
    return {link for part in parts for link in re.findall(r'href="(/governments/[^"]+)"', part)}


def test_rows_and_shapes_carry_each_date_s_query(mini_db):
    client = Client()
    today = client.get("/").content.decode()
    first = client.get("/?as_of=2021-06-01").content.decode()
    second = client.get("/?as_of=2023-01-01&map=blueprint/1").content.decode()
    again = client.get("/").content.decode()
    for html in (today, first, second, again):
        assert QUERY not in html
    assert "/governments/US/" in _links(today)
    assert all("?" not in link for link in _links(today))
    for html, query in ((first, "?as_of=2021-06-01"), (second, "?as_of=2023-01-01")):
        links = _links(html)
        assert "/governments/US/" + query in links  # the row's and the shape's name
        assert "/governments/US/" + query + "#blueprint1" in links  # a cell
        assert all(link.split("#")[0].endswith(query) for link in links)
    assert again == today
