"""Every operation of the OpenAPI document, driven by schemathesis: no 5xx, no schema breach.

The schema is read from the API object (no request needed at collection time, when the test
database is not open yet); the calls go through the real WSGI application and database.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from mercwatch.api.api import api

schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1")))
)
schema.app = get_wsgi_application()
# A NUL character in any parameter is refused with a 400 problem before the API reads it
# (tests/test_null_bytes.py); the schema does not repeat that rule on every string.
schema.config.generation.update(allow_x00=False)


@pytest.fixture
def keep_connection():
    """Keep the test's database connection open across WSGI requests, as Django's test
    client does (the WSGI handler closes it at the end of each request otherwise)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_within_its_schema(case, market_db, keep_connection):
    # Schemathesis's WSGI transport asks for gzip like a browser but does not decode it: ask for
    # the body as is (compression has its own tests, tests/site/test_compression.py).
    case.call_and_validate(headers={"Host": "127.0.0.1", "Accept-Encoding": "identity"})
