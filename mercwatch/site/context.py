"""Template context shared by every public page."""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


@cache
def _downloads_registered() -> bool:
    try:
        reverse("exports:downloads")
    except NoReverseMatch:
        return False
    return True


def site(request: HttpRequest) -> dict[str, object]:
    """Give the navigation: the downloads link only once the exports register that page."""
    return {"has_downloads": _downloads_registered()}
