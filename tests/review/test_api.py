"""The review workflow through the API: tokens by scope, submit, decide with a version (409
when stale), nobody decides their own, bad input by field, rate limit."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from mercwatch.accounts.tokens import issue, revoke
from mercwatch.review.models import State, Submission
from mercwatch.store.current import current_snapshot
from tests.review.helpers import proposal

pytestmark = pytest.mark.django_db
URL = "/api/v1/submissions"


def _body(**changes: Any) -> dict[str, Any]:
    values = {"kind": "new-measure", "title": "France's pledge", "statement": "Quoted in full.",
              "proposal": proposal(), "contact": "private@example.org"}  # fmt: skip
    values.update(changes)
    return values


def _post(token: str, path: str, body: dict[str, Any], **headers: str) -> Any:
    return Client().post(path, body, content_type="application/json",
                         headers={"Authorization": f"Bearer {token}", **headers})  # fmt: skip


def test_submit_then_decide_through_the_api(mini_db, people, django_capture_on_commit_callbacks):
    _row, submit = issue(people.contributor, "submit", "script")
    response = _post(submit, URL, _body())
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["state"] == "submitted"
    assert made["version"] == 1
    assert "private@example.org" not in response.text
    listed = Client().get(URL, headers={"Authorization": f"Bearer {submit}"})
    assert [s["id"] for s in listed.json()] == [made["id"]]
    assert "private" in listed["Cache-Control"]
    decision = f"{URL}/{made['id']}/decision"
    _row, own = issue(people.contributor, "review", "mine")  # a contributor's review token
    assert (
        _post(own, decision, {"decision": "approve", "reason": "x", "version": 1}).status_code
        == 403
    )
    _row, review = issue(people.reviewer, "review", "bot")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(review, decision, {"decision": "approve", "reason": "Sound."},
                         **{"If-Match": '"1"'})  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "approved"
    assert "fr-submitted-pledge" in current_snapshot().measures
    assert "approved" in mail.outbox[-1].subject
    _row, other = issue(people.reviewer2, "review", "bot")
    stale = _post(other, decision, {"decision": "reject", "reason": "no", "version": 1})
    assert stale.status_code == 409
    body = stale.json()
    assert body["type"] == "/api/v1/problems/edit-conflict"
    assert body["version"] == 2
    assert [c["action"] for c in body["changes"]] == ["approve"]


def test_nobody_decides_their_own_submission_through_the_api(mini_db, people):
    _row, token = issue(people.reviewer, "submit", "s")
    made = _post(token, URL, _body()).json()
    _row, review = issue(people.reviewer, "review", "r")
    response = _post(review, f"{URL}/{made['id']}/decision",
                     {"decision": "approve", "reason": "mine", "version": 1})  # fmt: skip
    assert response.status_code == 403
    assert Submission.objects.get().state == State.SUBMITTED


def test_tokens_are_checked_by_scope_and_revocation(mini_db, people):
    assert Client().post(URL, _body(), content_type="application/json").status_code == 401
    row, read = issue(people.contributor, "read", "r")
    assert _post(read, URL, _body()).status_code == 401  # read cannot submit
    assert Client().get(URL, headers={"Authorization": f"Bearer {read}"}).status_code == 200
    revoke(row)
    response = Client().get(URL, headers={"Authorization": f"Bearer {read}"})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["type"] == "/api/v1/problems/unauthorized"
    assert Submission.objects.count() == 0


def test_bad_input_is_refused_by_field(mini_db, people):
    _row, token = issue(people.contributor, "submit", "s")
    bad = proposal()
    bad["measures"][0]["date"] = "someday"
    response = _post(token, URL, _body(title="", proposal=bad))
    assert response.status_code == 422
    fields = {e["parameter"] for e in response.json()["errors"]}
    assert fields == {"title", "measures[0].date"}
    assert Submission.objects.count() == 0


def test_submissions_through_the_api_are_rate_limited(mini_db, people, settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    _row, token = issue(people.contributor, "submit", "s")
    assert _post(token, URL, _body()).status_code == 201
    response = _post(token, URL, _body(title="again"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert Submission.objects.count() == 1


def test_other_methods_are_refused(mini_db, people):
    _row, token = issue(people.contributor, "submit", "s")
    response = Client().put(URL, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 405
