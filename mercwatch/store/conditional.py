"""Conditional GET, for the site and the API alike: what an answer depends on (its key), its
ETag and Last-Modified, the 304 for a reader whose copy is current, and the rendered answers
kept by key so that the same request is not rendered twice.

An answer depends on the data version (every write moves it), the day (dates default to
today), the origin its absolute links start with (mercwatch/core/origin.py) and the URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from mercwatch.core.origin import origin
from mercwatch.store.current import data_version
from mercwatch.store.models import DataVersion

READ = ("GET", "HEAD")
MAX_AGE = 60  # seconds a reader or a shared cache may keep an answer without asking again
_SKIPPED = frozenset({"set-cookie"})  # never replayed to another reader


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def key_of(request: HttpRequest) -> str:
    """Give the key of the answer to `request`: data version, day, origin and URL."""
    return f"{data_version()}|{today()}|{origin(request)}|{request.get_full_path()}"


def etag_of(key: str) -> str:
    return quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])


_changed: dict[tuple[int, str], float] = {}


def last_change() -> float:
    """Give the time of the last write, as a timestamp (0 before the first); asked of the
    database once per data version."""
    version = data_version()
    if version not in _changed:
        changed = DataVersion.objects.filter(id=1).values_list("changed", flat=True).first()
        _changed.clear()  # one entry: the current version's
        _changed[version] = changed.timestamp() if changed else 0.0
    return _changed[version]


def last_modified() -> int:
    """Give the Last-Modified of every answer today: the last write, or midnight (UTC)
    when that is earlier, since what a page shows for "today" changed then."""
    midnight = dt.datetime.combine(today(), dt.time(), tzinfo=dt.UTC).timestamp()
    return int(max(last_change(), midnight))


@dataclass(frozen=True)
class _Kept:
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]


class Answers:
    """Rendered answers by key, the least recently used dropped first once there are more
    than `entries` of them or their bodies take more than `size` bytes (None: no such bound)."""

    def __init__(self, *, entries: int | None = None, size: int | None = None) -> None:
        self.entries, self.size = entries, size
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def keep(self, key: str, response: HttpResponse) -> None:
        if self.entries == 0 or self.size == 0:
            return
        headers = tuple((k, v) for k, v in response.items() if k.lower() not in _SKIPPED)
        kept = _Kept(response.status_code, response.content, headers)
        with self._lock:
            old = self._kept.pop(key, None)
            self._bytes -= len(old.content) if old else 0
            self._kept[key] = kept
            self._bytes += len(kept.content)
            while self._kept and self._over():
                _key, dropped = self._kept.popitem(last=False)
                self._bytes -= len(dropped.content)

    def recall(self, key: str) -> HttpResponse | None:
        """Give a fresh copy of the answer kept for `key`, or None."""
        with self._lock:
            kept = self._kept.get(key)
            if kept is None:
                return None
            self._kept.move_to_end(key)
        response = HttpResponse(kept.content, status=kept.status)
        for name, value in kept.headers:
            response[name] = value
        return response

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._bytes = 0

    def _over(self) -> bool:
        too_many = self.entries is not None and len(self._kept) > self.entries
        return too_many or (self.size is not None and self._bytes > self.size)


def _always(response: HttpResponse) -> bool:
    return True


def answer(
    request: HttpRequest,
    render: Callable[[], HttpResponseBase],
    answers: Answers,
    *,
    keep: Callable[[HttpResponse], bool] = _always,
) -> HttpResponseBase:
    """Answer a read conditionally: 304 (or 412 for a failed If-Match) when the reader's copy is
    current, the kept answer for the same key when there is one, else `render()`, kept when it
    is a 200 that `keep` accepts. Every 200 and 304 carries ETag, Last-Modified and a public
    Cache-Control."""
    if request.method not in READ:
        return render()
    key = key_of(request)
    etag, modified = etag_of(key), last_modified()
    early = get_conditional_response(request, etag=etag, last_modified=modified)
    if early is not None:
        if early.status_code == 304:
            _validators(early, etag, modified)
        return early
    response: HttpResponseBase | None = answers.recall(key)
    if response is None:
        response = render()
        if response.status_code == 200:
            _validators(response, etag, modified)
            if isinstance(response, HttpResponse) and keep(response):
                answers.keep(key, response)
    return response


def _validators(response: HttpResponseBase, etag: str, modified: int) -> None:
    response.headers.setdefault("ETag", etag)
    response.headers.setdefault("Last-Modified", http_date(modified))
    patch_cache_control(response, public=True, max_age=MAX_AGE)
