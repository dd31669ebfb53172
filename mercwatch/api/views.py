"""The API's pages for people: the docs, the interactive console, and what each problem means."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mercwatch.api.problems import KINDS, TYPE_BASE, problem

OPENAPI_URL = "/api/v1/openapi.json"


def console(request: HttpRequest) -> HttpResponse:
    """Give the Swagger UI page for /api/v1/openapi.json, loading only local assets."""
    return render(request, "api/console.html", {"openapi_url": OPENAPI_URL})


def problem_kind(request: HttpRequest, slug: str) -> HttpResponse:
    """Give the page a problem's `type` URI resolves to: what the problem means, what to do."""
    kind = KINDS.get(slug)
    if kind is None:
        return problem(404, f"no problem type {slug!r}")
    others = [k for k in KINDS.values() if k.slug != slug]
    context = {"kind": kind, "uri": TYPE_BASE + slug, "others": others}
    return render(request, "api/problem.html", context)


docs = console  # until the docs are rendered from the OpenAPI document
