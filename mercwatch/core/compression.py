"""Responses compressed with gzip: the HTML pages, JSON (twins, the API, problems) and feeds."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

# Text that compresses well. Downloads that are already compressed (ZIP, XLSX) and static files
# (whitenoise serves them precompressed, before this middleware runs) are left as they are.
COMPRESSIBLE = ("text/html", "application/json", "application/problem+json", "application/atom+xml")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (which pads each body with random bytes against BREACH), for the
    text types only, and never for a response that carries a CSRF token.

    BREACH recovers a secret from the size of compressed responses that also reflect input the
    attacker chooses. The public pages hold no secret: their forms (search, filters) are GET
    forms without a token, and no page shows anything of the reader's session. The only secrets
    in a body are CSRF tokens in the admin's and the review forms, and a response that rendered
    one also sets the CSRF cookie (CsrfViewMiddleware, below this one, does so whenever
    `get_token` was called): those responses go out uncompressed, so no token is ever
    compressed beside reflected input."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        kind = str(response.get("Content-Type", "")).split(";")[0].strip()
        if kind not in COMPRESSIBLE or settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        compressed: HttpResponseBase = super().process_response(request, response)
        return compressed
