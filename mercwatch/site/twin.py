"""Every page as HTML or its JSON twin, with conditional GET (mercwatch/store/conditional.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render

from mercwatch.site.services.links import json_twin
from mercwatch.site.services.moment import Notice
from mercwatch.store.conditional import Answers, answer

View = Callable[..., HttpResponseBase]
_pages = Answers(size=64 * 1024 * 1024)  # rendered pages, within a memory budget


def conditional(view: View) -> View:
    """Answer 304 when the reader's copy is current (same data version, same day, same origin
    and URL), and answer again from the page rendered for that key when there is one."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return answer(request, lambda: view(request, *args, **kwargs), _pages)

    return wrapper


def add_notices(request: HttpRequest, notices: list[Notice]) -> None:
    """Keep notices about the request for the page (or its twin) to show."""
    request.notices = [*notices_of(request), *notices]  # type: ignore[attr-defined]


def notices_of(request: HttpRequest) -> list[Notice]:
    """Give the notices kept for the request (none for a request no view has read)."""
    return list(getattr(request, "notices", []))


def respond(request: HttpRequest, fmt: str, template: str, context: dict[str, Any]) -> HttpResponse:
    """Give the page as HTML, or its JSON twin (`context['json']`, or what it gives when it is
    a function: a twin that costs to build is built only when asked for) when `fmt` is
    `.json`, each with the notices about its query (`notices`: what was ignored, what a date
    means)."""
    notices = notices_of(request)
    if fmt == ".json":
        twin = context["json"]
        body = {**(twin() if callable(twin) else twin), "notices": [n.as_dict() for n in notices]}
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    path = request.path
    context.setdefault("json_url", json_twin(path) + _query(request))
    context.setdefault("notices", notices)
    return render(request, template, context)


def _query(request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return f"?{query}" if query else ""
