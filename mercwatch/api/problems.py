"""RFC 9457 problem details: the API's one error shape, for every error status."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse, HttpResponseBase
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mercwatch.api.rendering import json_bytes
from mercwatch.core.outage import retry_after

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "/api/v1/problems/"


@dataclass(frozen=True)
class Kind:
    """One problem type: its status, and what its page at TYPE_BASE + slug tells the reader."""

    slug: str
    status: int
    title: str | Promise
    meaning: str | Promise
    remedy: str | Promise


# Every problem type the API can give; each has its page (mercwatch/api/views.py).
KINDS = {
    k.slug: k
    for k in (
        Kind("bad-request", 400, _("Bad request"),
             _("The request could not be read as asked: a query parameter was given more than "
               "once, or the Host header is not one this server answers."),
             _("Give each parameter once, and call the API at its published address.")),
        Kind("unknown-parameter", 400, _("Unknown query parameter"),
             _("The request named a query parameter this operation does not take. The API never "
               "ignores a parameter it does not know, so a misspelt filter cannot widen the "
               "answer without you noticing."),
             _("Check the parameter's spelling against the operation's parameters in the API "
               "documentation; “parameter” names the first unknown one.")),
        Kind("query-too-long", 400, _("Query string too long"),
             _("The query string is over 4096 characters."),
             _("Ask for fewer things at once, or page through the list.")),
        Kind("not-found", 404, _("Not found"),
             _("There is no API endpoint at this path, or no record with this ID."),
             _("Check the ID in the matching list (for example /api/v1/actors) and the path in "
               "the API documentation.")),
        Kind("method-not-allowed", 405, _("Method not allowed"),
             _("The API is read-only: it answers GET, HEAD and OPTIONS only."),
             _("Use GET. Corrections and new evidence go through the review workflow, not "
               "the API.")),
        Kind("conflict", 409, _("Stored data fails its checks"),
             _("The stored data does not pass its own checks (a write may be in progress), so "
               "there is nothing consistent to serve."),
             _("Try again in a moment; if it persists, tell the maintainers (the detail says "
               "which check failed).")),
        Kind("content-too-large", 413, _("Content too large"),
             _("The request had a body over 64 KiB. The API reads no request body."),
             _("Send the request without a body.")),
        Kind("invalid-parameter", 422, _("Invalid parameter value"),
             _("A parameter's value is not of the form it takes: a date that is not YYYY-MM-DD "
               "or does not exist, a number out of range, an empty value."),
             _("Correct the value named in “parameter”; “detail” says what form it takes.")),
        Kind("unknown-value", 404, _("Unknown filter value"),
             _("A filter's value names nothing the data holds (an actor, framework, provision, "
               "edition…) or is outside the filter's vocabulary. The API says so rather than "
               "answer an empty list that would read as \"none found\"."),
             _("Look the value up in the list the detail points to (for example /api/v1/actors) "
               "or pick one of the values it lists.")),
        Kind("too-many-requests", 429, _("Too many requests"),
             _("This client address sent more requests in a minute than the server allows."),
             _("Wait the number of seconds in the Retry-After header, cache answers with their "
               "ETag, or use the bulk downloads for whole tables.")),
        Kind("unauthorized", 401, _("Token missing or not valid"),
             _("The operation needs an API token (Authorization: Bearer …) that is live and "
               "not revoked; none was given, or the one given is not."),
             _("Make a token on your account's token page, or with `mercwatch token create`, "
               "and send it in the Authorization header.")),
        Kind("forbidden", 403, _("Not allowed"),
             _("The token is valid, but its scope or its user's role does not allow this "
               "operation on this record (nobody decides their own submission, say)."),
             _("Use a token of the scope the operation names, of a user whose role allows it.")),
        Kind("edit-conflict", 409, _("Changed since"),
             _("The record was changed by someone else since the version the request was made "
               "on; nothing was written over their change."),
             _("Read the record again (“changes” lists what changed), then send the request "
               "with its current version.")),
        Kind("invalid-submission", 422, _("Submission refused"),
             _("The submission's fields or proposed records do not pass the data files' checks; "
               "nothing was queued or written."),
             _("Correct each field named in “errors”; “detail” says why it was refused.")),
        Kind("server-error", 500, _("Server error"),
             _("A fault of ours stopped the server from answering. It was logged."),
             _("Try again later; if it persists, tell the maintainers what you asked for.")),
        Kind("database-unavailable", 503, _("Database unavailable"),
             _("The server cannot reach its database just now (it is down, unreachable or too "
               "slow to answer), so it has nothing to serve. Nothing was changed."),
             _("Try again after the number of seconds in the Retry-After header.")),
        Kind("error", 500, _("Other error"),
             _("An error the API has no more specific type for."),
             _("Read the status and “detail” of the answer.")),
    )
}  # fmt: skip
DEFAULT_KINDS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "content-too-large",
    422: "invalid-parameter",
    429: "too-many-requests",
    500: "server-error",
    503: "database-unavailable",
}


def problem_body(
    status: int,
    detail: str,
    *,
    kind: str | None = None,
    parameter: str | None = None,
    errors: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Give a problem object: `type`, `title`, `status`, `detail`, and for validation the
    offending `parameter` with every error."""
    slug = kind or DEFAULT_KINDS.get(status, "error")
    if slug not in KINDS:
        raise ValueError(f"no problem kind {slug!r} in KINDS")  # each type must have its page
    body: dict[str, Any] = {
        "type": TYPE_BASE + slug,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if parameter is not None:
        body["parameter"] = parameter
    if errors:
        body["errors"] = errors
    return body


def problem(status: int, detail: str, **extra: Any) -> HttpResponse:
    """Give an `application/problem+json` response."""
    body = problem_body(status, detail, **extra)
    return HttpResponse(json_bytes(body), status=status, content_type=MEDIA_TYPE)


def database_unavailable() -> HttpResponse:
    """Give the 503 `database-unavailable` problem, with Retry-After (mercwatch/core/outage.py)."""
    detail = _("The database is unavailable; nothing was changed. Try again later.")
    response = problem(503, str(detail))
    response["Retry-After"] = retry_after()
    return response


def is_problem(response: HttpResponseBase) -> bool:
    return str(response.get("Content-Type", "")).startswith(MEDIA_TYPE)
