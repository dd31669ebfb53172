"""Every page as HTML or its JSON twin, with conditional GET (ETag and Last-Modified)."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from mercwatch.site.services.links import json_twin
from mercwatch.site.services.moment import Notice
from mercwatch.store.current import data_version

View = Callable[..., HttpResponseBase]
_modified: dict[tuple[int, str], float] = {}
_MAX_BYTES = 64 * 1024 * 1024
_pages: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
_pages_lock = threading.Lock()


def _remember(key: str, response: HttpResponseBase) -> None:
    """Keep a rendered page for its data version, URL and day, within a memory budget."""
    if not isinstance(response, HttpResponse) or response.status_code != 200:
        return
    with _pages_lock:
        _pages[key] = (response.content, response.headers["Content-Type"])
        while sum(len(body) for body, _type in _pages.values()) > _MAX_BYTES:
            _pages.popitem(last=False)


def _recall(key: str) -> HttpResponse | None:
    with _pages_lock:
        found = _pages.get(key)
        if found is None:
            return None
        _pages.move_to_end(key)
    return HttpResponse(found[0], content_type=found[1])


def last_modified(version: tuple[int, str]) -> float:
    """Give the time of the newest revision of any record, as a timestamp (once per version)."""
    if version not in _modified:
        newest = [
            model._default_manager.aggregate(top=Max("history_date"))["top"]
            for app in ("tracker", "market", "workflow")
            for model in apps.get_app_config(app).get_models()
            if model.__name__.startswith("Historical")
        ]
        dates = [d for d in newest if d is not None]
        _modified.clear()
        _modified[version] = max(dates).timestamp() if dates else 0.0
    return _modified[version]


def conditional(view: View) -> View:
    """Answer 304 when the reader's copy is current (same data version, same day, same URL),
    and answer again from the page rendered for that key when there is one."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        version = data_version()
        today = dt.datetime.now(dt.UTC).date()
        key = f"{version}|{today}|{request.get_host()}|{request.get_full_path()}".encode()
        etag = quote_etag(hashlib.sha256(key).hexdigest()[:32])
        midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC).timestamp()
        modified = int(max(last_modified(version), midnight))
        if request.method in {"GET", "HEAD"}:
            cached = get_conditional_response(request, etag=etag, last_modified=modified)
            if cached is not None:
                return cached
        recalled = _recall(key.decode()) if request.method == "GET" else None
        response: HttpResponseBase
        if recalled is None:
            response = view(request, *args, **kwargs)
            if request.method == "GET":
                _remember(key.decode(), response)
        else:
            response = recalled
        if response.status_code == 200:
            response.headers.setdefault("ETag", etag)
            response.headers.setdefault("Last-Modified", http_date(modified))
            patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapper


def add_notices(request: HttpRequest, notices: list[Notice]) -> None:
    """Keep notices about the request for the page (or its twin) to show."""
    request.notices = [*notices_of(request), *notices]  # type: ignore[attr-defined]


def notices_of(request: HttpRequest) -> list[Notice]:
    """Give the notices kept for the request (none for a request no view has read)."""
    return list(getattr(request, "notices", []))


def respond(request: HttpRequest, fmt: str, template: str, context: dict[str, Any]) -> HttpResponse:
    """Give the page as HTML, or its JSON twin (`context['json']`) when `fmt` is `.json`, each
    with the notices about its query (`notices`: what was ignored, what a date means)."""
    notices = notices_of(request)
    if fmt == ".json":
        body = {**context["json"], "notices": [n.as_dict() for n in notices]}
        return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    path = request.path
    context.setdefault("json_url", json_twin(path) + _query(request))
    context.setdefault("notices", notices)
    return render(request, template, context)


def _query(request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return f"?{query}" if query else ""
