"""The gunicorn worker `mercwatch serve` runs: gunicorn's asgi worker, whose event loop reads
every request, so a client that sends its headers or its body slowly holds one connection,
never a worker or a thread (a sync or gthread worker reads each request in a worker or thread
of its own, which a few slow sockets then stall).

gunicorn's asgi worker times out a kept-alive connection that sends no next request, but not
a new connection's first request headers: here that first request gets the same deadline,
`SERVE_HEADER_TIMEOUT` seconds from the connection to the end of its headers, after which the
connection is closed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from gunicorn.asgi.protocol import ASGIProtocol
from gunicorn.workers import gasgi


class HeaderDeadlineProtocol(ASGIProtocol):  # type: ignore[misc]
    """gunicorn's HTTP/1 protocol with a deadline on a new connection's first headers."""

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        deadline = settings.SERVE_HEADER_TIMEOUT
        armed = self._keepalive_handle is not None  # type: ignore[has-type]
        if deadline and self._callback_parser is not None and not armed:
            # The keep-alive timer closes the connection unless the headers are complete
            # first (gunicorn cancels it then): armed at once, it is the header deadline.
            self._keepalive_handle = self.worker.loop.call_later(deadline, self._keepalive_timeout)


class Worker(gasgi.ASGIWorker):  # type: ignore[misc]
    """gunicorn's asgi worker, serving connections with `HeaderDeadlineProtocol`."""

    def init_process(self) -> None:
        # The worker builds its connections' protocol from this module name; in this (forked)
        # worker process only, it names the protocol with the header deadline.
        gasgi.ASGIProtocol = HeaderDeadlineProtocol
        super().init_process()
