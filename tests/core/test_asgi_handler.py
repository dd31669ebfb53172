"""The ASGI application `mercwatch serve` runs (core/asgi_handler.py), called as an ASGI server
calls it: every request's synchronous part in the worker's one thread, the whole body sent,
`request_finished` sent once per request, after the view, in that thread."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from django.core import signals

from mercwatch.core.asgi_handler import SyncChainASGIHandler
from tests.core import asgi_urls

pytestmark = [
    pytest.mark.usefixtures("asgi_urlconf"),
    # whitenoise's files stream from synchronous iterators too, which Django warns about
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous"),
]


@pytest.fixture
def asgi_urlconf(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.core.asgi_urls"
    settings.ALLOWED_HOSTS = ["testserver"]
    asgi_urls.threads.clear()


async def _call(
    app: Any, path: str, body: bytes = b"", method: str = "GET"
) -> list[dict[str, Any]]:
    """Send one request to `app` and give the messages it sent back."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
        "headers": [(b"host", b"testserver"), (b"content-length", str(len(body)).encode())],
    }  # fmt: skip
    incoming = [{"type": "http.request", "body": body[4:], "more_body": False}]
    incoming.append({"type": "http.request", "body": body[:4], "more_body": True})
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop()

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


def _serve(*requests: tuple[str, bytes, str]) -> list[list[dict[str, Any]]]:
    app = SyncChainASGIHandler()

    async def every() -> list[list[dict[str, Any]]]:
        return [await _call(app, path, body, method) for path, body, method in requests]

    return asyncio.run(every())


def _body(messages: list[dict[str, Any]]) -> bytes:
    return b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")


def test_a_response_held_in_memory_goes_out_whole_in_one_message():
    (sent,) = _serve(("/big", b"", "GET"))
    assert sent[0]["status"] == 200
    assert (b"Content-Length", str(len(asgi_urls.BIG)).encode()) in sent[0]["headers"]
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    assert len(bodies) == 1
    assert bodies[0]["body"] == asgi_urls.BIG
    assert not bodies[0].get("more_body", False)


def test_a_streamed_response_goes_out_part_by_part_then_ends():
    (sent,) = _serve(("/streamed", b"", "GET"))
    assert sent[0]["status"] == 200
    assert _body(sent) == b"one,two,three"
    assert sent[-1] == {"type": "http.response.body"}


def test_the_request_body_read_in_parts_reaches_the_view():
    body = b"a body sent in two parts"  # on a GET: the site's writes are the admin's alone
    (sent,) = _serve(("/echo", body, "GET"))
    assert _body(sent) == body


def test_every_request_runs_in_one_thread_and_is_finished_once_there_after_its_view():
    finished: list[int] = []

    def record(**_kwargs: Any) -> None:
        finished.append(threading.get_ident())

    signals.request_finished.connect(record)
    try:
        _serve(("/big", b"", "GET"), ("/streamed", b"", "GET"), ("/big", b"", "GET"))
    finally:
        signals.request_finished.disconnect(record)
    assert len(asgi_urls.threads) == 3
    assert len(set(asgi_urls.threads)) == 1  # one thread: one database connection, kept
    assert finished == asgi_urls.threads  # once per request, in that thread
    assert threading.get_ident() not in finished  # never on the event loop
