"""The NinjaAPI of /api/v1/: its routers, its one error shape, and its OpenAPI document."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema

from mercwatch.api.messages import INVALID, UNKNOWN, worded
from mercwatch.api.problems import KINDS, MEDIA_TYPE, problem
from mercwatch.api.rendering import Renderer
from mercwatch.api.routers import (
    actors,
    assessments,
    editions,
    frameworks,
    index,
    measures,
    screening,
    submissions,
)
from mercwatch.api.schemas import ProblemOut
from mercwatch.api.services import BadParameter
from mercwatch.tracker.services.assessments import DataError
from mercwatch.tracker.snapshot import NotFound

logger = logging.getLogger(__name__)

ERRORS = {
    "400": "Bad request: an unknown or repeated query parameter, or a query string too long",
    "404": "Not found: no such record, or a filter value that names nothing",
    "405": "Method not allowed",
    "413": "Content too large",
    "422": "A parameter's value is invalid",
    "429": "Too many requests",
    "500": "Server error",
    "503": "Database unavailable (with Retry-After)",
}
DESCRIPTION = (
    "Read everything mercwatch knows: frameworks, provisions, actors, memberships, measures, "
    "sources, relationships, assessments with explanations at any date, editions and changes. "
    "Data under CC BY 4.0. Errors are RFC 9457 problem details. See docs/api.md."
)


class MercwatchAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document declares every error as application/problem+json."""

    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem_schema = ProblemOut.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(problem_schema.pop("$defs", {}))
        components["ProblemOut"] = problem_schema
        problem_ref = {"$ref": "#/components/schemas/ProblemOut"}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                responses["304"] = {"description": "Not modified (If-None-Match matched)"}
                for code, text in ERRORS.items():
                    responses[code] = {
                        "description": text,
                        "content": {MEDIA_TYPE: {"schema": problem_ref}},
                    }
        return schema


def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # Unknown parameters never get here: ninja reads only the declared ones, and the API's
    # middleware has refused any other (mercwatch/core/parameters.py).
    errors, kinds = [], []
    for error in exc.errors:
        loc = [str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body")]
        name = loc[0] if loc else ""
        value = request.GET.get(name)
        if "body" in error.get("loc", ()):  # a JSON body's field (screening): its whole path
            name, value = ".".join(loc), error.get("input")
        kind, sentence = worded(error, value)
        kinds.append(kind)
        errors.append({"parameter": name, "detail": sentence})
    # The most basic fault first: a value of the wrong form (422) before one naming nothing (404).
    order = sorted(range(len(errors)), key=lambda i: kinds[i] != INVALID)
    errors, kinds = [errors[i] for i in order], [kinds[i] for i in order]
    first = errors[0]["parameter"] if errors else None
    detail = "; ".join(f"{e['parameter']}: {e['detail']}" for e in errors)
    chosen = KINDS[kinds[0] if kinds else INVALID]
    return problem(chosen.status, detail, parameter=first, errors=errors, kind=chosen.slug)


def _bad_parameter(request: HttpRequest, exc: BadParameter) -> HttpResponse:
    detail = f"{exc.parameter}: {exc}"
    errors = [{"parameter": exc.parameter, "detail": str(exc)}]
    return problem(
        KINDS[UNKNOWN].status, detail, parameter=exc.parameter, errors=errors, kind=UNKNOWN
    )


def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, str(exc) or _("no such record"))


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem(exc.status_code, str(exc))


def _conflict(request: HttpRequest, exc: DataError) -> HttpResponse:
    # The stored data does not pass its own checks (a write in progress, say): nothing to serve.
    detail = _("the stored data fails its checks: %(errors)s") % {
        "errors": "; ".join(exc.errors[:5])
    }
    return problem(409, detail)


def _unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = problem(401, _("this operation needs a live API token of its scope"))
    response["WWW-Authenticate"] = "Bearer"
    return response


def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s", request.path, exc_info=exc)
    return problem(500, _("the server failed to answer; the error was logged"))


def build_api() -> NinjaAPI:
    """Give the v1 API with every router and error handler."""
    api = MercwatchAPI(
        title="mercwatch API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        docs_url=None,
        openapi_url="/openapi.json",
        renderer=Renderer(),
    )
    for router in (
        index.router,
        frameworks.router,
        actors.router,
        measures.router,
        assessments.router,
        submissions.router,
        editions.router,
        screening.router,
    ):
        api.add_router("", router)
    api.add_exception_handler(ValidationError, _validation)  # type: ignore[arg-type]
    api.add_exception_handler(BadParameter, _bad_parameter)  # type: ignore[arg-type]
    api.add_exception_handler(NotFound, _not_found)  # type: ignore[arg-type]
    api.add_exception_handler(Http404, _not_found)  # type: ignore[arg-type]
    api.add_exception_handler(HttpError, _http_error)  # type: ignore[arg-type]
    api.add_exception_handler(DataError, _conflict)  # type: ignore[arg-type]
    api.add_exception_handler(AuthenticationError, _unauthorized)  # type: ignore[arg-type]
    api.add_exception_handler(Exception, _server_error)  # type: ignore[arg-type]
    return api


api = build_api()
