"""The ASGI application `mercwatch serve` runs: Django's ASGI handler, with everything
synchronous about a request – the `request_started` signal, the middleware chain and the view,
and for a response held in memory its closing and the `request_finished` signal – run as one
call in one thread hop.

Django's own ASGI handler reads the request body on the event loop (so a slow client holds a
connection, never a thread: core/worker.py) and then runs its middleware in async mode. Every
middleware here is synchronous (Django's, whitenoise's, django-csp's, axes'…, and the views),
and in async mode Django wraps each of their hooks in `sync_to_async`: two thread switches per
middleware and per request, which made a cached page cost about 10 ms against 3 ms under a sync
worker. Its `handle` then takes three more hops (each signal, and the response's closing) and a
task listening for the client's disconnect, which can cancel only async views. This handler
keeps Django's request reading and response sending, builds the chain in sync mode, as a WSGI
server would, and crosses to the synchronous thread once per request (twice for a streamed
response, closed when sent). `benchmarks/api_bench.py` and `benchmarks/site_bench.py` show the
difference.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.core.handlers.base import BaseHandler
from django.http import FileResponse, HttpResponseBase
from django.urls import set_script_prefix


class SyncChainASGIHandler(ASGIHandler):
    """Django's ASGI handler whose synchronous part runs in one thread hop, in the worker's one
    thread for synchronous code.

    Django's handler gives each request a thread of its own (`ThreadSensitiveContext`), and so
    a database connection of its own, opened and closed per request; here every request's
    synchronous part runs in asgiref's one shared thread, whose connection is kept
    (`CONN_MAX_AGE`), as in a sync worker. The event loop still reads and writes every
    connection, so slow clients hold no thread; the synchronous part runs one request at a
    time per worker, as a sync worker's did.
    """

    # A response held in memory goes out in one message: the server writes it in the chunks
    # its transport takes (Django's 64 KiB slices copied the body of a large page three times).
    chunk_size = 1 << 30

    def __init__(self) -> None:
        BaseHandler.__init__(self)
        self.load_middleware(is_async=False)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"mercwatch serves HTTP only, not {scope['type']}")
        await self.handle(scope, receive, send)

    async def handle(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        try:
            response = await sync_to_async(self._respond, thread_sensitive=True)(scope, body_file)
            try:
                await self.send_response(response, send)
            finally:
                if response.streaming:
                    await sync_to_async(response.close, thread_sensitive=True)()
        finally:
            body_file.close()

    def _respond(self, scope: Any, body_file: Any) -> HttpResponseBase:
        """Answer the request, in the synchronous thread: the response, closed already (and
        `request_finished` sent) unless it streams."""
        set_script_prefix(get_script_prefix(scope))
        signals.request_started.send(sender=self.__class__, scope=scope)
        request, response = self.create_request(scope, body_file)
        if request is not None:
            response = self.get_response(request)
        response._handler_class = self.__class__  # type: ignore[union-attr]
        if isinstance(response, FileResponse):
            response.block_size = 1 << 16
        if not response.streaming:  # type: ignore[union-attr]
            response.close()  # type: ignore[union-attr]
        return response  # type: ignore[return-value]
