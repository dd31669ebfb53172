"""The ASGI application `mercwatch serve` runs: Django's ASGI handler, with the middleware chain
and the view run as one synchronous call in one thread hop per request.

Django's own ASGI handler reads the request body on the event loop (so a slow client holds a
connection, never a thread: core/worker.py) and then runs its middleware in async mode. Every
middleware here is synchronous (Django's, whitenoise's, django-csp's, axes'…, and the views),
and in async mode Django wraps each of their hooks in `sync_to_async`: two thread switches per
middleware and per request, which made a cached page cost about 10 ms against 3 ms under a sync
worker. This handler keeps Django's request reading, signals and response sending, builds the
chain in sync mode, as a WSGI server would, and calls it once through `sync_to_async`
(`benchmarks/api_bench.py` and `benchmarks/site_bench.py` show the difference).
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.base import BaseHandler
from django.http import HttpRequest, HttpResponseBase


class SyncChainASGIHandler(ASGIHandler):
    """Django's ASGI handler whose middleware chain runs synchronously, in one thread hop, in
    the worker's one thread for synchronous code.

    Django's handler gives each request a thread of its own (`ThreadSensitiveContext`), and so
    a database connection of its own, opened and closed per request; here every request's
    synchronous part runs in asgiref's one shared thread, whose connection is kept
    (`CONN_MAX_AGE`), as in a sync worker. The event loop still reads and writes every
    connection, so slow clients hold no thread; the synchronous part runs one request at a
    time per worker, as a sync worker's did.
    """

    def __init__(self) -> None:
        BaseHandler.__init__(self)
        self.load_middleware(is_async=False)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"mercwatch serves HTTP only, not {scope['type']}")
        await self.handle(scope, receive, send)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        response: Any = await sync_to_async(self.get_response, thread_sensitive=True)(request)
        return response  # type: ignore[no-any-return]
