"""The market's pages show free text (names, aliases, notes, descriptions, products) as text: a
vendor, a product and the cross-checks page rendered from records full of hostile values hold
none of them unescaped."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from mercwatch.core.partial_dates import PartialDate
from mercwatch.site.services import crosschecks, vendors
from mercwatch.tracker.snapshot import (
    Actor,
    Alias,
    Cite,
    Measure,
    Product,
    Relationship,
    Snapshot,
    Source,
    Target,
)
from tests.security.payloads import PAYLOADS, reflected


def hostile(text: str) -> Snapshot:
    cite = (Cite("src"),)
    spy = Actor(
        "spy",
        "vendor",
        f"Spy {text}",
        country="FR",
        description=text,
        aliases=(Alias(text, "former"), Alias(f"Alias {text}")),
        sources=cite,
        products=(Product("tool", f"Tool {text}", text, text, sources=cite),),
    )
    heir = Actor(
        "heir",
        "vendor",
        f"Heir {text}",
        relationships=(
            Relationship("successor", "spy", PartialDate.parse("2023"), note=text, sources=cite),
        ),
    )
    us = Actor("US", "country", "United States")
    listing = Measure(
        "listing",
        "US",
        "government",
        "designation",
        f"Listing {text}",
        text,
        PartialDate.parse("2021-11-04"),
        sources=cite,
        targets=(Target("spy", "designated", note=text),),
    )
    source = Source("src", "test", "https://example.org/", "secondary", title=text, publisher=text)
    return Snapshot(
        actors={a.id: a for a in (us, spy, heir)},
        measures={"listing": listing},
        sources={"src": source},
    )


@pytest.mark.parametrize("name", [n for n, p in PAYLOADS.items() if set(p) & set("<>\"'")])
def test_free_text_on_the_market_pages_is_escaped(name):
    data = hostile(PAYLOADS[name])
    spy = data.actors["spy"]
    pages = {
        "vendor": render_to_string("site/vendor.html", vendors.vendor_page(data, spy)),
        "successor": render_to_string(
            "site/vendor.html", vendors.vendor_page(data, data.actors["heir"])
        ),
        "product": render_to_string(
            "site/product.html", vendors.product_page(data, spy, spy.products[0])
        ),
        "cross-checks": render_to_string(
            "site/crosschecks.html", crosschecks.crosschecks_page(data)
        ),
    }
    assert "Heir" in pages["cross-checks"]  # the successor's finding is there, escaped
    assert [page for page, html in pages.items() if reflected(PAYLOADS[name], html)] == []
