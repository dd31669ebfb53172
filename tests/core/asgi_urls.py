"""Views for the ASGI handler's tests: a response held in memory larger than Django's 64 KiB
chunks, a streamed one, and one that records the thread it ran in."""

from __future__ import annotations

import threading

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import path

BIG = b"0123456789abcdef" * 12_000  # 192,000 bytes
threads: list[int] = []


def big(request: HttpRequest) -> HttpResponse:
    threads.append(threading.get_ident())
    return HttpResponse(BIG, content_type="application/octet-stream")


def streamed(request: HttpRequest) -> StreamingHttpResponse:
    threads.append(threading.get_ident())
    return StreamingHttpResponse(iter([b"one,", b"two,", b"three"]), content_type="text/plain")


def echo(request: HttpRequest) -> HttpResponse:
    return HttpResponse(request.body, content_type="application/octet-stream")


urlpatterns = [path("big", big), path("streamed", streamed), path("echo", echo)]
