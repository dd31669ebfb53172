"""HTTP behaviour shared by every /api/v1/ response: CORS, the Host header, request limits,
conditional GET and the kept answers (mercwatch/store/conditional.py), and the error shape.

Runs only on paths under /api/v1/; every other path passes through untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

from mercwatch.api.problems import database_unavailable, is_problem, problem
from mercwatch.core.outage import is_outage
from mercwatch.core.parameters import unknown as unknown_names
from mercwatch.core.throttle import per_minute, refused
from mercwatch.store.conditional import READ, Answers, answer

logger = logging.getLogger(__name__)
PREFIX = "/api/v1/"
DOCS = PREFIX + "docs/"  # pages for people: their forms send empty fields
MAX_BODY = 64 * 1024  # the API reads no body; anything larger is refused with 413
MAX_QUERY = 4096
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
    "Access-Control-Max-Age": "86400",
}
CACHEABLE = ("application/json",)
# The review workflow (api/routers/submissions.py): token-authenticated, POST as well as GET,
# each answer for its user only, so never kept nor answered from what was kept.
WORKFLOW = PREFIX + "submissions"
WORKFLOW_METHODS = ("GET", "HEAD", "POST")
POSTED = frozenset({PREFIX + "screen"})  # computed from a body, answered afresh, never kept


class ApiMiddleware:
    """Adds read-only CORS, ETags, 304s, request limits and problem+json errors to the API."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.answers = Answers(entries=settings.API_CACHE_ENTRIES)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        try:
            response = self._answer(request)
        except Exception as exc:  # a fault outside the API's own handlers (the database, say)
            logger.exception("API error on %s", request.path)
            if is_outage(exc):
                response = database_unavailable()
            else:
                response = problem(500, _("the server failed to answer; the error was logged"))
        for name, value in CORS.items():
            response[name] = value
        return response

    def _answer(self, request: HttpRequest) -> HttpResponseBase:
        refusal = self._refuse(request)
        if refusal is not None:
            return refusal
        if request.method == "OPTIONS":
            return HttpResponse(status=204)
        if request.path.startswith(WORKFLOW):
            return self._workflow(request)
        if request.method == "POST" and request.path in POSTED:
            return self.get_response(request)
        if request.method not in READ:
            detail = _("the API is read-only: %(method)s is not allowed") % {
                "method": request.method
            }
            refusal = problem(405, detail)
            refusal["Allow"] = "GET, HEAD, OPTIONS"
            return refusal
        wrong = None if request.path.startswith(DOCS) else self._parameters(request)
        if wrong is not None:
            return wrong
        head = request.method == "HEAD"
        response = answer(request, lambda: self._render(request), self.answers, keep=_json)
        if head and isinstance(response, HttpResponse):
            response.content = b""
        return response

    def _workflow(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in WORKFLOW_METHODS:
            detail = _("%(method)s is not allowed here") % {"method": request.method}
            refusal = problem(405, detail)
            refusal["Allow"] = ", ".join(WORKFLOW_METHODS)
            return refusal
        wrong = self._parameters(request)
        if wrong is not None:
            return wrong
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # the same answer without its body
        response = self.get_response(request)
        if response.status_code >= 400 and not is_problem(response):
            allow = response.get("Allow")
            response = problem(response.status_code, _reason(response))
            if allow:
                response["Allow"] = allow
        if head and isinstance(response, HttpResponse):
            response.content = b""
        response["Cache-Control"] = "private, no-store"
        return response

    def _render(self, request: HttpRequest) -> HttpResponseBase:
        request.method = "GET"  # the routes answer GET; HEAD is the same without a body
        response = self.get_response(request)
        if response.status_code >= 400 and not is_problem(response):
            # Errors raised outside the API's handlers (a wrong method, say).
            allow = response.get("Allow")
            response = problem(response.status_code, _reason(response))
            if allow:
                response["Allow"] = allow
        return response

    def _parameters(self, request: HttpRequest) -> HttpResponse | None:
        from mercwatch.api.strict import accepted  # the API imports the routers

        names = list(request.GET.keys())
        allowed = accepted(request.path)
        unknown = [] if allowed is None else sorted(unknown_names(names, allowed))
        if unknown:
            errors = [{"parameter": n, "detail": _("unknown parameter")} for n in unknown]
            detail = _("unknown query parameter: %(names)s") % {"names": ", ".join(unknown)}
            return problem(400, detail, parameter=unknown[0], errors=errors,
                           kind="unknown-parameter")  # fmt: skip
        repeated = sorted(n for n in names if len(request.GET.getlist(n)) > 1)
        if repeated:
            errors = [{"parameter": n, "detail": _("given more than once")} for n in repeated]
            detail = _("query parameter given more than once: %(names)s") % {
                "names": ", ".join(repeated)
            }
            return problem(400, detail, parameter=repeated[0], errors=errors)
        empty = sorted(n for n in names if request.GET.get(n, "") == "")
        if empty:
            errors = [{"parameter": n, "detail": _("must not be empty")} for n in empty]
            detail = _("query parameter without a value: %(names)s") % {"names": ", ".join(empty)}
            return problem(422, detail, parameter=empty[0], errors=errors)
        return None

    def _refuse(self, request: HttpRequest) -> HttpResponse | None:
        try:
            request.get_host()  # ALLOWED_HOSTS, before any answer is looked up or made
        except DisallowedHost:
            return problem(400, _("the Host header names no host this server answers to"))
        length = request.headers.get("Content-Length", "") or "0"
        if not length.isdigit() or int(length) > MAX_BODY:
            detail = _("request bodies are limited to %(most)d bytes") % {"most": MAX_BODY}
            return problem(413, detail)
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY:
            detail = _("query strings are limited to %(most)d characters") % {"most": MAX_QUERY}
            return problem(400, detail, kind="query-too-long")
        wait = refused(request, "api")
        if wait is not None:
            limit = per_minute("api")
            detail = _("at most %(limit)d requests a minute per client address") % {"limit": limit}
            response = problem(429, detail)
            response["Retry-After"] = str(wait)
            return response
        return None


def _json(response: HttpResponse) -> bool:
    return str(response.get("Content-Type", "")).startswith(CACHEABLE)


def _reason(response: HttpResponseBase) -> str:
    if response.status_code == 405:
        return _("the API is read-only: use GET, HEAD or OPTIONS")
    return _("the request could not be answered (%(reason)s)") % {"reason": response.reason_phrase}
