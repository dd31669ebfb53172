"""HTTP methods on the public site: read-only routes answer GET, HEAD and OPTIONS only.

Every route is read-only unless its namespace is in WRITABLE (the back office) or the API's,
whose middleware answers methods itself (mercwatch/api/middleware.py). A new route that must
accept writes says so here, so that a write route is never open by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

READ = ("GET", "HEAD", "OPTIONS")
ALLOW = ", ".join(READ)
FORMS = (*READ, "POST")  # a writable route takes its forms by POST, and no other write
ALLOW_FORMS = ", ".join(FORMS)
# The back office, the review workflow, the forms that freeze and publish editions, and
# the screening form.
WRITABLE = frozenset({"admin", "review", "accounts", "edition-forms", "screening"})
OWN_METHODS = frozenset({"api-v1"})  # the API's middleware answers its methods


class ReadOnlyMiddleware:
    """Answer OPTIONS with `Allow`, and every other method but GET and HEAD (and POST on a
    writable route) with 405, before CSRF checks could turn a PUT into a 403 or any view could
    run."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in {"TRACE", "CONNECT", "TRACK"}:
            return _not_allowed(request)
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponseBase | None:
        match = request.resolver_match
        namespaces = set(match.namespaces) if match is not None else set()
        if namespaces & OWN_METHODS:
            return None
        allow, methods = (ALLOW_FORMS, FORMS) if namespaces & WRITABLE else (ALLOW, READ)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = allow
            return response
        if request.method not in methods:
            return _not_allowed(request, allow)
        return None


def _not_allowed(request: HttpRequest, allow: str = ALLOW) -> HttpResponse:
    if allow == ALLOW:
        text = _("%(method)s is not allowed here: this page can only be read (GET or HEAD).")
    else:
        text = _("%(method)s is not allowed here: this page takes GET, HEAD and POST only.")
    message = text % {"method": request.method}
    response = HttpResponse(message, status=405, content_type="text/plain; charset=utf-8")
    response["Allow"] = allow
    return response
