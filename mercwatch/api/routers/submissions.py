"""The review workflow's API: submit (token scope submit), read one's own submissions (any
scope), decide (scope review). A change names the version it was made on (If-Match, or the
body's `version`); a stale one is answered 409 with what changed since, never written over."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import HttpBearer

from mercwatch.accounts.tokens import check
from mercwatch.api.problems import problem
from mercwatch.core.throttle import per_minute, refused
from mercwatch.review import services
from mercwatch.review.models import Submission
from mercwatch.review.rules import allowed

# Not in the read API's OpenAPI document (its docs page and tests take every operation to be
# an anonymous GET); docs/workflow.md describes these operations.
router = Router(tags=["submissions"])


class Token(HttpBearer):
    """An API token of (or granting) `scope`; its user acts."""

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        row = check(token, self.scope)
        if row is None:
            return None
        request.user = row.user
        return row


class SubmissionIn(Schema):
    kind: str
    title: str
    statement: str
    proposal: dict[str, Any]
    anonymous: bool = False
    contact: str = ""
    private_note: str = ""


class DecisionIn(Schema):
    decision: str
    reason: str
    version: int | None = None


class TransitionOut(Schema):
    action: str
    state: str
    reason: str
    version: int
    at: dt.datetime


class SubmissionOut(Schema):
    id: int
    kind: str
    title: str
    statement: str
    proposal: dict[str, Any]
    state: str
    version: int
    credit: str
    created: dt.datetime
    changed: dt.datetime
    transitions: list[TransitionOut]


def _out(submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.pk, "kind": submission.kind, "title": submission.title,
        "statement": submission.statement, "proposal": submission.proposal,
        "state": submission.state, "version": submission.version, "credit": submission.credit,
        "created": submission.created, "changed": submission.changed,
        "transitions": [
            {"action": t.action, "state": t.target, "reason": t.reason, "version": t.version,
             "at": t.at}
            for t in submission.transitions.all()
        ],
    }  # fmt: skip


def _invalid(exc: services.Invalid) -> HttpResponse:
    errors = [{"parameter": f, "detail": r} for f, reasons in exc.errors.items() for r in reasons]
    detail = "; ".join(f"{e['parameter']}: {e['detail']}" for e in errors)
    return problem(422, detail, parameter=errors[0]["parameter"], errors=errors,
                   kind="invalid-submission")  # fmt: skip


def _stale(exc: services.Stale) -> HttpResponse:
    response = problem(409, str(exc), kind="edit-conflict")
    body = json.loads(response.content)
    body["version"] = exc.submission.version
    body["changes"] = [
        {"action": t.action, "state": t.target, "reason": t.reason, "version": t.version,
         "at": t.at.isoformat()}
        for t in exc.since
    ]  # fmt: skip
    response.content = json.dumps(body).encode()
    return response


def _forbidden() -> HttpResponse:
    return problem(403, _("your role does not allow this on this submission"))


def _version(request: HttpRequest, given: int | None) -> int | None:
    """The version the change was made on: If-Match ("3", W/"3") or the body's."""
    header = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    if header.isdigit() and len(header) < 10:
        return int(header)
    return given


@router.post(
    "/submissions", auth=Token("submit"), response={201: SubmissionOut}, url_name="submissions",
    include_in_schema=False,
    summary="Submit records for review",
)  # fmt: skip
def create(request: HttpRequest, body: SubmissionIn) -> Any:
    wait = refused(request, "submission")
    if wait is not None:
        limit = per_minute("submission")
        response = problem(429, _("at most %(limit)d submissions a minute per client address")
                           % {"limit": limit})  # fmt: skip
        response["Retry-After"] = str(wait)
        return response
    draft = services.Draft(**body.model_dump())
    try:
        made = services.submit(request.user, draft)
    except services.Invalid as exc:
        return _invalid(exc)
    except PermissionDenied:
        return _forbidden()
    return 201, _out(made)


@router.get(
    "/submissions", auth=Token("read"), response=list[SubmissionOut], url_name="submissions",
    include_in_schema=False,
    summary="Your own submissions",
)  # fmt: skip
def mine(request: HttpRequest) -> Any:
    rows = Submission.objects.filter(author_id=request.user.pk).prefetch_related("transitions")
    return [_out(s) for s in rows[:200]]


@router.get(
    "/submissions/{submission_id}", auth=Token("read"), response=SubmissionOut,
    url_name="get_submission",
    include_in_schema=False,
    summary="One submission (your own, or any if your role reviews)",
)  # fmt: skip
def one(request: HttpRequest, submission_id: int) -> Any:
    found = Submission.objects.filter(pk=submission_id).first()
    if found is None or not allowed(request.user, "view", found):
        return problem(404, _("no such submission"))
    return _out(found)


@router.post(
    "/submissions/{submission_id}/decision", auth=Token("review"), response=SubmissionOut,
    url_name="decide_submission",
    include_in_schema=False,
    summary="Approve, request changes or reject, with a reason",
)  # fmt: skip
def decision(request: HttpRequest, submission_id: int, body: DecisionIn) -> Any:
    found = Submission.objects.filter(pk=submission_id).first()
    if found is None or not allowed(request.user, "view", found):
        return problem(404, _("no such submission"))
    seen = _version(request, body.version)
    if seen is None:
        errors = [{"parameter": "version", "detail": _("required: If-Match or the body's")}]
        return problem(422, _("version: the version the decision is made on is required"),
                       parameter="version", errors=errors, kind="invalid-submission")  # fmt: skip
    try:
        decided = services.decide(
            found, user=request.user, decision=body.decision, reason=body.reason, seen=seen
        )
    except services.Invalid as exc:
        return _invalid(exc)
    except services.Stale as exc:
        return _stale(exc)
    except PermissionDenied:
        return _forbidden()
    return _out(decided)
