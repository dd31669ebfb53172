"""HTTP behaviour shared by every /api/v1/ response: CORS, ETag and 304, limits, error shape.

Runs only on paths under /api/v1/; every other path passes through untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from mercwatch.api.problems import is_problem, problem
from mercwatch.store.current import data_version

logger = logging.getLogger(__name__)
PREFIX = "/api/v1/"
DOCS = PREFIX + "docs/"  # pages for people: their forms send empty fields
MAX_BODY = 64 * 1024  # the API reads no body; anything larger is refused with 413
MAX_QUERY = 4096
READ_METHODS = ("GET", "HEAD")
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}
CACHEABLE = ("application/json",)


class _Limiter:
    """A fixed one-minute window of requests per client address, per process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.window = 0
        self.counts: dict[str, int] = {}

    def allow(self, client: str, per_minute: int) -> tuple[bool, int]:
        now = time.time()
        window = int(now // 60)
        with self.lock:
            if window != self.window:
                self.window, self.counts = window, {}
            self.counts[client] = self.counts.get(client, 0) + 1
            return self.counts[client] <= per_minute, 60 - int(now % 60)


def etag_for(request: HttpRequest) -> str:
    """Give the ETag of a read: the data version, the day (for `as_of` defaults), the URL."""
    key = f"{data_version()}|{dt.date.today()}|{request.get_full_path()}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


class ApiMiddleware:
    """Adds read-only CORS, ETags, 304s, request limits and problem+json errors to the API."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.limiter = _Limiter()
        self.cache: OrderedDict[str, HttpResponse] = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        try:
            response = self._answer(request)
        except Exception:  # a fault outside the API's own handlers (the database, say)
            logger.exception("API error on %s", request.path)
            response = problem(500, "the server failed to answer; the error was logged")
        for name, value in CORS.items():
            response[name] = value
        return response

    def _answer(self, request: HttpRequest) -> HttpResponse:
        refused = self._refuse(request)
        if refused is not None:
            return refused
        if request.method == "OPTIONS":
            return HttpResponse(status=204)
        if request.method not in READ_METHODS:
            response = problem(405, f"the API is read-only: {request.method} is not allowed")
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        wrong = None if request.path.startswith(DOCS) else self._parameters(request)
        if wrong is not None:
            return wrong
        etag = etag_for(request)
        if etag in _tags(request.headers.get("If-None-Match", "")):
            response = HttpResponse(status=304)
            response["ETag"] = etag
            return response
        head = request.method == "HEAD"
        with self.lock:
            cached = self.cache.get(etag)
        if cached is not None:
            response = _copy(cached)
        else:
            request.method = "GET"  # the routes answer GET; HEAD is the same without a body
            response = self._finish(self.get_response(request), etag)
        if head:
            response.content = b""
        return response

    def _parameters(self, request: HttpRequest) -> HttpResponse | None:
        from mercwatch.api.strict import unknown_parameters  # the API imports the routers

        names = list(request.GET.keys())
        unknown = unknown_parameters(request.path, names)
        if unknown:
            errors = [{"parameter": n, "detail": "unknown parameter"} for n in unknown]
            detail = "unknown query parameter: " + ", ".join(unknown)
            return problem(400, detail, parameter=unknown[0], errors=errors,
                           kind="unknown-parameter")  # fmt: skip
        repeated = sorted(n for n in names if len(request.GET.getlist(n)) > 1)
        if repeated:
            errors = [{"parameter": n, "detail": "given more than once"} for n in repeated]
            detail = "query parameter given more than once: " + ", ".join(repeated)
            return problem(400, detail, parameter=repeated[0], errors=errors)
        empty = sorted(n for n in names if request.GET.get(n, "") == "")
        if empty:
            errors = [{"parameter": n, "detail": "must not be empty"} for n in empty]
            detail = "query parameter without a value: " + ", ".join(empty)
            return problem(422, detail, parameter=empty[0], errors=errors)
        return None

    def _refuse(self, request: HttpRequest) -> HttpResponse | None:
        length = request.headers.get("Content-Length", "") or "0"
        if not length.isdigit() or int(length) > MAX_BODY:
            return problem(413, f"request bodies are limited to {MAX_BODY} bytes")
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY:
            detail = f"query strings are limited to {MAX_QUERY} characters"
            return problem(400, detail, kind="query-too-long")
        per_minute = settings.API_RATE_LIMIT
        if per_minute:
            allowed, retry = self.limiter.allow(request.META.get("REMOTE_ADDR", ""), per_minute)
            if not allowed:
                response = problem(429, f"at most {per_minute} requests a minute per client")
                response["Retry-After"] = str(retry)
                return response
        return None

    def _finish(self, response: HttpResponse, etag: str) -> HttpResponse:
        if response.status_code >= 400 and not is_problem(response):
            # Errors raised outside the API's handlers (a bad Host header, a wrong method).
            allow = response.get("Allow")
            response = problem(response.status_code, _reason(response))
            if allow:
                response["Allow"] = allow
        if response.status_code == 200:
            response["ETag"] = etag
            response["Cache-Control"] = "public, max-age=60"
            keep = settings.API_CACHE_ENTRIES
            if keep and str(response.get("Content-Type", "")).startswith(CACHEABLE):
                with self.lock:
                    self.cache[etag] = response
                    while len(self.cache) > keep:
                        self.cache.popitem(last=False)
                return _copy(response)
        return response


def _reason(response: HttpResponse) -> str:
    if response.status_code == 405:
        return "the API is read-only: use GET, HEAD or OPTIONS"
    return f"the request could not be answered ({response.reason_phrase})"


def _tags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}


def _copy(response: HttpResponse) -> HttpResponse:
    fresh = HttpResponse(response.content, status=response.status_code)
    for name, value in response.items():
        fresh[name] = value
    return fresh
