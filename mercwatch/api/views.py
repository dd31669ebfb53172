"""The API's pages for people: the docs, the interactive console, and what each problem means."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mercwatch.api.docs import operation, published, url_for
from mercwatch.api.problems import KINDS, TYPE_BASE, problem

OPENAPI_URL = "/api/v1/openapi.json"


def console(request: HttpRequest) -> HttpResponse:
    """Give the Swagger UI page for /api/v1/openapi.json, loading only local assets."""
    return render(request, "api/console.html", {"openapi_url": OPENAPI_URL})


def problem_kind(request: HttpRequest, slug: str) -> HttpResponse:
    """Give the page a problem's `type` URI resolves to: what the problem means, what to do."""
    kind = KINDS.get(slug)
    if kind is None:
        return problem(404, _("no problem type %(slug)r") % {"slug": slug})
    others = [k for k in KINDS.values() if k.slug != slug]
    context = {"kind": kind, "uri": TYPE_BASE + slug, "others": others}
    return render(request, "api/problem.html", context)


def docs(request: HttpRequest) -> HttpResponse:
    """Give the API's documentation, rendered from its OpenAPI document, with a form per
    operation that works without JavaScript."""
    ops = published()
    context = {"operations": ops, "openapi_url": OPENAPI_URL, "json_url": OPENAPI_URL}
    return render(request, "api/docs.html", context)


def try_it(request: HttpRequest) -> HttpResponse:
    """Send a docs form on to the URL it asks for, leaving out the fields left empty."""
    found = operation(request.GET.get("operation", ""))
    if found is None:
        detail = _("no such operation in the API documentation")
        return problem(404, detail, parameter="operation")
    values = {k: str(v) for k, v in request.GET.items() if k != "operation"}
    missing = [p.name for p in found.params if p.where == "path" and not values.get(p.name)]
    if missing:
        errors = [{"parameter": n, "detail": _("is required")} for n in missing]
        detail = f"{missing[0]}: {errors[0]['detail']}"  # the parameter's name, then what is wrong
        return problem(422, detail, parameter=missing[0], errors=errors)
    return redirect(url_for(found.path, found.params, values))
