"""Datasette as an ASGI app over the SQLite export named by BENCH_SQLITE (for api_bench.py)."""

from __future__ import annotations

import os

from datasette.app import Datasette

app = Datasette(immutables=[os.environ["BENCH_SQLITE"]]).app()
