from __future__ import annotations

import datetime as dt

import pytest

from mercwatch.exports.bundle import Bundle, bundle_for
from mercwatch.store.current import current_snapshot
from tests.datasets import loaded

MARKET = """\
id: vendor-two
kind: vendor
name: '=HYPERLINK("http://evil.example","click")'
country: FR
description: '@SUM(A1:A9) +1 -1'
aliases:
  - name: V2 Labs
  - name: Vendor Two Ltd
    kind: legal
sources:
  - src-press
relationships:
  - kind: subsidiary
    object: vendor-one
    since: '2019'
    sources:
      - src-press
  - kind: customer
    object: DE
    sources:
      - src-press
products:
  - id: two-spy
    name: TwoSpy
    kind: spyware
    sources:
      - src-press
"""
REPORT = """\
measures:
  - id: acme-report-2022
    type: threat-report
    title: Report naming Vendor Two
    summary: Findings of abuse.
    date: '2022-03'
    sources:
      - src-press
    targets:
      - actor: vendor-two
        role: named
"""
EDITIONS = """\
editions:
  - id: 2022-01
    title: January 2022
    as_of: '2022-01-01'
    published: '2022-01-02'
    methodology: '2026.1'
"""


@pytest.fixture
def market_dir(mini_dir, write):
    """The mini dataset plus a vendor with ties, a product, a finding and an edition."""
    write("actors/vendors/vendor-two.yaml", MARKET)
    write("measures/acme/reports.yaml", REPORT)
    write("editions.yaml", EDITIONS)
    return mini_dir


@pytest.fixture
def market_db(market_dir, db, django_db_blocker):
    """The market dataset, loaded into the test database (inside the test's transaction)."""
    yield from loaded(market_dir, django_db_blocker)


@pytest.fixture
def bundle(market_db, db) -> Bundle:
    """The database's data, as exported on a day after every record of it (all of it)."""
    return bundle_for(current_snapshot(), as_of=dt.date(2026, 1, 15))
