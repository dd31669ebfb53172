"""Slow clients cannot stall the site: while sockets that send their headers or their bodies a
byte a second hold connections, a reader is still answered – by `mercwatch serve` itself and
through nginx configured by deploy/nginx.conf – and a client that never finishes its headers
is cut off."""

from __future__ import annotations

import socket
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.deploy.servers import HOST, Served

TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEF"  # a CSRF secret of the client's own, so that the
# sign-in view reads the body instead of refusing the request before it
SLOW_HEADERS = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
SLOW_BODY = (
    b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n"
    b"Cookie: csrftoken=" + TOKEN.encode() + b"\r\nX-CSRFToken: " + TOKEN.encode() + b"\r\n"
    b"Content-Length: 100000\r\n\r\n"
)
ANSWER_WITHIN = 10  # seconds: a sync worker held by a slow client answers after 30 s, or never


@contextmanager
def slow_clients(port: int, headers: int, bodies: int) -> Iterator[list[socket.socket]]:
    """Open sockets that go on sending a header line (or a byte of body) each second."""
    socks = []
    for start in [SLOW_HEADERS] * headers + [SLOW_BODY] * bodies:
        s = socket.create_connection((HOST, port), timeout=5)
        s.sendall(start)
        socks.append(s)
    live = list(socks)
    stopped = threading.Event()

    def trickle() -> None:
        while not stopped.wait(1):
            for s in list(live):
                try:
                    s.send(b"X-Slow: 1\r\n" if s in socks[:headers] else b"a")
                except OSError:
                    live.remove(s)

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    try:
        stopped.wait(2)  # the server has accepted and started reading every one of them
        yield live
    finally:
        stopped.set()
        thread.join()
        for s in socks:
            s.close()


@pytest.fixture(params=["gunicorn", "nginx"])
def served(request: pytest.FixtureRequest) -> Served:
    """The site as `mercwatch serve` serves it, then through nginx."""
    name = "site" if request.param == "gunicorn" else "proxy"
    served: Served = request.getfixturevalue(name)
    return served


def test_a_reader_is_answered_while_slow_clients_hold_connections(served):
    with slow_clients(served.port, headers=8, bodies=8) as live:
        url = f"http://{HOST}:{served.port}/"
        with urllib.request.urlopen(url, timeout=ANSWER_WITHIN) as response:
            assert response.status == 200
            assert b"</html>" in response.read()
        assert len(live) == 16  # every slow client was still connected meanwhile


def test_a_client_that_never_finishes_its_headers_is_cut_off(served):
    with slow_clients(served.port, headers=1, bodies=0) as live:
        s = live[0]
        s.settimeout(60)  # past nginx's 10 s and the site's 3 s; without a deadline, never
        try:
            received = s.recv(4096)
        except ConnectionResetError:  # nginx's reset_timedout_connection
            received = b""
        assert received == b""  # closed, with no answer
