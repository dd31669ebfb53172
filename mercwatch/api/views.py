"""The interactive API docs page, with its assets served by mercwatch itself."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def docs(request: HttpRequest) -> HttpResponse:
    """Give the Swagger UI page for /api/v1/openapi.json, loading only local assets."""
    return render(request, "api/docs.html", {"openapi_url": "/api/v1/openapi.json"})
