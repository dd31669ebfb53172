"""The /screen/ page: a name, or a CSV list uploaded, screened; the results on the page or as
a CSV file. It works without JavaScript. An upload within the limit (SCREEN_MAX_BYTES, below
Django's FILE_UPLOAD_MAX_MEMORY_SIZE) is held in memory and dropped with the request: it is
never written to disk or kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from mercwatch.core.bounds import year_outside
from mercwatch.screening import output
from mercwatch.screening.lists import BadList, query_of, read_list
from mercwatch.screening.run import Run, screen
from mercwatch.site.services.links import actor_url
from mercwatch.site.views import limited
from mercwatch.store.current import current_snapshot, data_version

TEMPLATE = "screening/screen.html"
FORM_BYTES = 64 * 1024  # what the form's other fields may add to an upload


@limited("search")
def screen_page(request: HttpRequest) -> HttpResponseBase:
    """Show the form; screen a name (GET or POST) or an uploaded list (POST)."""
    if request.method == "POST":
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > settings.SCREEN_MAX_BYTES + FORM_BYTES:
            most = settings.SCREEN_MAX_BYTES
            reason = _("the upload is larger than %(most)d bytes; split the list") % {"most": most}
            return _page(request, {"error": reason}, status=413)
        return _answer(request, request.POST)
    return _answer(request, request.GET)


# The query parameters the page reads, for what walks the URL configuration (the tests).
screen_page.known_parameters = frozenset({"name", "country", "as_of", "format"})  # type: ignore[attr-defined]


def _answer(request: HttpRequest, form: Any) -> HttpResponseBase:
    given = {k: form.get(k, "").strip() for k in ("name", "country", "as_of", "format")}
    upload = request.FILES.get("file") if request.method == "POST" else None
    if not given["name"] and upload is None:
        if request.method == "POST":
            return _page(request, {"error": _("give a name or choose a CSV file"), **given}, 400)
        return _page(request, given)
    try:
        on = _day(given["as_of"])
        if upload is not None:
            where = upload.name or "CSV"
            queries = read_list(upload.read())
        else:
            where = _("name")
            queries = [query_of(given["name"], country=given["country"])]
    except BadList as exc:
        return _page(request, {"error": f"{where}: {exc}", **given}, status=400)
    except ValueError as exc:
        return _page(request, {"error": str(exc), **given}, status=400)
    run = screen(current_snapshot(), queries, version=data_version(), as_of=on)
    if given["format"] == "csv":
        response = HttpResponse(output.as_csv(run), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="screening.csv"'
        return response
    return _page(request, {"run": run, "heading": output.heading(run),
                           "results": _shown(run), **given})  # fmt: skip


def _day(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("as_of: expected a date YYYY-MM-DD, got %(v)r") % {"v": value}) from None
    outside = year_outside(day)
    if outside is not None:
        raise ValueError(_("as_of: %(why)s") % {"why": outside})
    return day


def _shown(run: Run) -> list[dict[str, Any]]:
    data = current_snapshot()
    shown = []
    for result in run.results:
        matches = []
        for m in result["matches"]:
            actor = data.actors.get(m["actor"]) if not m["listed"] else None
            url = actor_url(actor.id, actor.kind) if actor is not None else ""
            matches.append({**m, "url": url, "score_text": f"{m['score']:.2f}"})
        shown.append({"query": result["query"], "matches": matches})
    return shown


def _page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    limits = {"most_rows": settings.SCREEN_MAX_ROWS, "most_bytes": settings.SCREEN_MAX_BYTES}
    return render(request, TEMPLATE, {**limits, **context}, status=status)
