"""The history page of every record: who changed it, when, why, field by field (and its twin)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from mercwatch.site.services.history import history_page
from mercwatch.site.services.paging import At
from mercwatch.site.twin import respond
from mercwatch.site.views import _params, public
from mercwatch.store.current import current_snapshot


@public()
def record_history(
    request: HttpRequest, kind: str, fmt: str = "/", page: str | None = None, **parts: str
) -> HttpResponse:
    """Every revision of one record, newest first, a page at a time; a deleted record's too."""
    at = At(request.path, _params(request), page)
    context = history_page(current_snapshot(), kind, parts, at)
    return respond(request, fmt, "site/history.html", context)
