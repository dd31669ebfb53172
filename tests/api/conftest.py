from __future__ import annotations

import pytest
from django.test import Client

from tests.exports.conftest import market_db, market_dir  # noqa: F401  (shared fixtures)


@pytest.fixture
def api(market_db, db) -> Client:  # noqa: F811
    """A client of the API over the market dataset (the mini dataset plus a vendor's ties)."""
    return Client(HTTP_HOST="127.0.0.1")
