"""RFC 9457 problem details: the API's one error shape, for every error status."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "/api/v1/problems/"

# Each status gets a stable problem type: a URL under /api/v1/problems/ (documented in docs/api.md).
TYPES = {
    400: "bad-request",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "content-too-large",
    422: "invalid-parameter",
    429: "too-many-requests",
    500: "server-error",
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
    body: dict[str, Any] = {
        "type": TYPE_BASE + (kind or TYPES.get(status, "error")),
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
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=MEDIA_TYPE
    )


def is_problem(response: HttpResponse) -> bool:
    return str(response.get("Content-Type", "")).startswith(MEDIA_TYPE)
