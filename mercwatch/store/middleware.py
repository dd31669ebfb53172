"""One data version per read request (store/current.py `one_version`)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from mercwatch.store.conditional import READ
from mercwatch.store.current import one_version


class OneVersionMiddleware:
    """Answer every GET and HEAD from the data version it first reads: a write landing while
    a page renders shows on the next page, never in half of this one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in READ:
            return self.get_response(request)
        with one_version():
            return self.get_response(request)
