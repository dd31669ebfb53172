"""The review workflow on the site, without JavaScript: submit (checked as the data files
are), prepare, decide, see the change on the public page; a stale form is refused."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from mercwatch.review.forms import shown
from mercwatch.review.models import State, Submission
from tests.review.helpers import proposal

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form(**changes) -> dict[str, str]:
    values = {
        "kind": "new-measure",
        "title": "France's export pledge",
        "statement": "The report quotes the pledge in full.",
        "proposal": shown(proposal()),
        "contact": "researcher@private.example",
    }
    values.update(changes)
    return values


def test_signed_out_readers_are_sent_to_sign_in(client):
    response = client.get(reverse("review:submit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("review:sign-in"))


def test_sign_in_with_a_password(client, people):
    people.contributor.set_password("a long and unusual passphrase 31")
    people.contributor.save()
    response = client.post(
        reverse("review:sign-in"),
        {"username": "carla", "password": "a long and unusual passphrase 31",
         "next": reverse("review:submit")},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get(reverse("review:submit")).status_code == 200


def test_the_flow_end_to_end_through_the_pages(mini_db, people, django_capture_on_commit_callbacks):
    contributor = _client(people.contributor)
    response = contributor.post(reverse("review:submit"), _form())
    assert response.status_code == 302
    submission = Submission.objects.get()
    page = reverse("review:submission", kwargs={"pk": submission.pk})
    assert response["Location"] == page
    assert "France&#x27;s export pledge" in contributor.get(reverse("review:mine")).text
    editor = _client(people.editor)
    assert "export pledge" in editor.get(reverse("review:queue")).text
    changed = proposal()
    changed["measures"][0]["title"] = "France pledges export restraint"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(page, {"action": "say", "text": "Which page quotes it?"})
        assert response.status_code == 302
        response = editor.post(page, {
            "action": "edit", "version": 1, "title": submission.title,
            "statement": submission.statement, "proposal": shown(changed), "reason": "title",
        })  # fmt: skip
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    # The contributor may not decide, nor may the editor.
    for who in (contributor, editor):
        assert 'name="decision"' not in who.get(page).text
        who.post(page, {"action": "decide", "version": 2, "decision": "approve", "reason": "x"})
    assert Submission.objects.get().state == State.PREPARED
    reviewer = _client(people.reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.post(page, {
            "action": "decide", "version": 2, "decision": "approve", "reason": "Well sourced.",
        })  # fmt: skip
    assert response.status_code == 302
    assert Submission.objects.get().state == State.APPROVED
    assert "approved" in mail.outbox[-1].subject
    timeline = {"section": "governments", "actor_id": "FR", "fmt": "/"}
    public = Client().get(reverse("site:timeline", kwargs=timeline))
    assert "France pledges export restraint" in public.text


def test_bad_input_gets_field_level_messages_and_nothing_is_queued(mini_db, people):
    contributor = _client(people.contributor)
    bad = proposal()
    bad["measures"][0]["type"] = "wish"
    bad["measures"][0]["sources"] = ["src-nowhere"]
    response = contributor.post(reverse("review:submit"), _form(title="", proposal=shown(bad)))
    assert response.status_code == 422
    text = response.text
    assert "This field is required." in text  # the title
    assert re.search(r"line \d+: measures\[0\]\.type: .*wish.* is not allowed", text), text
    assert Submission.objects.count() == 0
    # The schema passes; the validator finds a source nobody has, at its line.
    unknown = proposal()
    unknown["measures"][0]["sources"] = ["src-nowhere"]
    response = contributor.post(reverse("review:submit"), _form(proposal=shown(unknown)))
    assert response.status_code == 422
    assert re.search(r"line \d+: measures\[0\]\.sources\[0\]\.source: ", response.text)
    response = contributor.post(reverse("review:submit"), _form(proposal="measures: [\n"))
    assert response.status_code == 422
    assert "line 2: invalid YAML" in response.text
    assert Submission.objects.count() == 0


def test_a_stale_edit_is_refused_with_what_changed(mini_db, people):
    contributor = _client(people.contributor)
    contributor.post(reverse("review:submit"), _form())
    submission = Submission.objects.get()
    page = reverse("review:submission", kwargs={"pk": submission.pk})
    editor = _client(people.editor)
    sent = {"action": "edit", "version": 1, "title": "Editor's title", "statement": "s",
            "proposal": shown(proposal()), "reason": "shorter statement"}  # fmt: skip
    assert editor.post(page, sent).status_code == 302
    response = contributor.post(page, {**sent, "title": "Author's title", "reason": ""})
    assert response.status_code == 409
    assert "changed since you opened it" in response.text
    assert "shorter statement" in response.text  # what changed, and why
    assert Submission.objects.get().title == "Editor's title"


def test_submissions_are_rate_limited(mini_db, people, settings):
    settings.SUBMISSION_RATE_LIMIT = 2
    contributor = _client(people.contributor)
    for n in range(2):
        contributor.post(reverse("review:submit"), _form(title=f"T {n}", proposal="retract: []"))
    response = contributor.post(reverse("review:submit"), _form())
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert Submission.objects.count() == 0


def test_a_submission_is_hidden_from_other_contributors(mini_db, people, django_user_model):
    from tests.review.helpers import person

    _client(people.contributor).post(reverse("review:submit"), _form())
    other = _client(person(django_user_model, "otto", "contributor"))
    page = reverse("review:submission", kwargs={"pk": Submission.objects.get().pk})
    assert other.get(page).status_code == 404
    assert "researcher@private.example" in _client(people.editor).get(page).text


def test_the_token_page_shows_a_new_token_once(people):
    client = _client(people.contributor)
    response = client.post(reverse("accounts:tokens"), {"name": "laptop", "scope": "submit"})
    token = re.search(r'<code class="token">([^<]+)</code>', response.text)
    assert token is not None
    assert token[1] not in client.get(reverse("accounts:tokens")).text
    from mercwatch.accounts.models import ApiToken

    row = ApiToken.objects.get()
    client.post(reverse("accounts:tokens"), {"revoke": str(row.pk)})
    assert ApiToken.objects.get().revoked is not None
