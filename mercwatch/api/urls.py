"""The API's URLs: the routers, the docs page, and a problem+json 404 for anything else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _
from django.views.generic import RedirectView

from mercwatch.api import views
from mercwatch.api.api import api
from mercwatch.api.problems import problem


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return problem(404, _("no API endpoint at %(path)s") % {"path": request.path})


urlpatterns = [
    path("docs/", views.docs, name="api-docs"),
    path("docs", RedirectView.as_view(pattern_name="api-docs", permanent=True)),
    path("docs/console/", views.console, name="api-console"),
    path("docs/try/", views.try_it, name="api-try"),
    path("problems/<slug:slug>", views.problem_kind, name="api-problem"),
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
