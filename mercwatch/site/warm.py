"""Warm the caches before the server takes requests, so the first reader is not the one who
waits for the dataset to be built (about 10 s on a dataset 100 times the bundled one).

`mercwatch serve` runs gunicorn with `--preload`: the application is imported once in the
master, which calls `warm()`; the workers are forked from it and share what it built (the one
cache, store/current.py) until the data changes.
"""

from __future__ import annotations

from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver


def warm() -> None:
    """Import the views, compile the busiest templates, build the dataset and today's home page
    (scorecard, map, every change), and settle them (store/current.py); then close the master's
    database connections."""
    from mercwatch.site.services.home import home_page
    from mercwatch.site.services.moment import moment_from
    from mercwatch.site.services.scorecard import Query
    from mercwatch.store.current import current_snapshot, settle

    get_resolver().resolve("/")  # imports every view module, the API's schemas among them
    for name in ("site/home.html", "site/actor.html"):
        get_template(name)
    try:
        data = current_snapshot()
        home_page(data, moment_from(data, {}), Query(), "total")
        settle()  # before the fork: the workers share the frozen pages
    finally:
        connections.close_all()  # a connection must not be shared across the fork
