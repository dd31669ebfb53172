"""Refuse a request that holds a NUL character in a query or form value or name, with a 400
that names the parameter: PostgreSQL cannot store or even compare text holding one (a back-office
form sent with one answered 500 there), SQLite would store it silently, and no reader, form or
data field needs one. The answer is the site's own 400 (mercwatch/site/errors.py): its error
page, or under /api/ and for JSON twins a problem+json."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _

from mercwatch.site import errors

NUL = "\x00"


class RefuseNullBytesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        name = _holding_nul(request)
        if name is not None:
            detail = _("The parameter “%(name)s” holds a NUL character, which no value may hold.")
            return errors.bad_request(request, detail % {"name": name.replace(NUL, "\\0")})
        return self.get_response(request)


def _holding_nul(request: HttpRequest) -> str | None:
    """Give the first parameter (query, then form) whose name or a value holds NUL."""
    sent = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for params in sent:
        for name in params:
            if NUL in name or any(NUL in str(v) for v in params.getlist(name)):
                return str(name)
    return None
