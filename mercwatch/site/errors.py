"""The site's error answers: a page with the navigation and a search box, or for a JSON twin
(a path ending in `.json`) an RFC 9457 problem, the API's one error shape."""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _

from mercwatch.api.problems import database_unavailable, problem
from mercwatch.core.outage import is_outage, retry_after


def wants_json(request: HttpRequest) -> bool:
    """Tell whether the request is for a JSON twin or the API: an error is a problem then."""
    return request.path.endswith(".json") or request.path.startswith("/api/")


def _guess(path: str) -> str:
    """Give words from the last part of a path to search for (`/vendors/nso-grup/` → `nso grup`)."""
    last = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".json")
    return last.replace("-", " ").replace("_", " ")[:100]


def bad_request(request: HttpRequest, detail: str) -> HttpResponse:
    """Answer 400, saying which parameter is wrong and why."""
    if wants_json(request):
        return problem(400, detail)
    return render(request, "site/error.html", {"message": detail}, status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Answer 404 for an unknown path or record (Django's handler404 for the whole site)."""
    return missing(request, _("There is no page at %(path)s.") % {"path": request.path})


def missing(request: HttpRequest, detail: str) -> HttpResponse:
    """Answer 404, saying what is missing."""
    if wants_json(request):
        return problem(404, detail)
    context = {"detail": detail, "guess": _guess(request.path)}
    return render(request, "site/404.html", context, status=404)


def too_many_searches(request: HttpRequest, limit: int, wait: int) -> HttpResponse:
    """Answer 429 to a client over `limit` searches a minute, with Retry-After (seconds)."""
    if wants_json(request):
        detail = _("at most %(limit)d searches a minute per client address") % {"limit": limit}
        response = problem(429, detail)
    else:
        context = {"limit": limit, "wait": wait}
        response = render(request, "site/429.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """Answer 500 without touching the data or the database, which may be what failed; or 503
    with Retry-After when the error says the database is away (mercwatch/core/outage.py)."""
    if is_outage(sys.exc_info()[1]):
        return database_away(request)
    detail = _("The server failed to answer; the error was logged.")
    if wants_json(request):
        return problem(500, detail)
    return HttpResponse(loader.get_template("site/500.html").render(), status=500)


def database_away(request: HttpRequest) -> HttpResponse:
    """Answer 503 with Retry-After while the database cannot be used: the API and the JSON
    twins a problem, the site its own page (rendered without the data or the database)."""
    if wants_json(request):
        return database_unavailable()
    context = {"wait": retry_after()}
    response = HttpResponse(loader.get_template("site/503.html").render(context), status=503)
    response["Retry-After"] = retry_after()
    return response
