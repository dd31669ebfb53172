"""Submit, prepare, decide: through the write path, never by one's own hand."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.review import services
from mercwatch.review.models import State, Submission, Transition
from mercwatch.store.current import current_snapshot
from mercwatch.store.models import DataVersion, Revision
from mercwatch.tracker.models import Measure
from tests.review.helpers import draft, proposal

pytestmark = pytest.mark.django_db


def _counter() -> int | None:
    return DataVersion.objects.values_list("counter", flat=True).first()


def test_submit_prepare_approve_writes_the_measure_with_its_reason(
    mini_db, people, django_capture_on_commit_callbacks
):
    submission = services.submit(people.contributor, draft())
    assert submission.state == State.SUBMITTED
    assert submission.version == 1
    assert "fr-submitted-pledge" not in current_snapshot().measures
    changed = proposal()
    changed["measures"][0]["summary"] = "A pledge, as the editor worded it."
    with django_capture_on_commit_callbacks(execute=True):
        services.say(submission, user=people.editor, text="Where is the pledge quoted?")
        submission = services.edit(
            submission, user=people.editor, seen=1, title=submission.title,
            statement=submission.statement, proposal=changed,
        )  # fmt: skip
    assert submission.state == State.PREPARED
    assert submission.version == 2
    assert [m.subject for m in mail.outbox] == [
        "A question about your submission “France's export pledge”"
    ]
    before = _counter()
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.decide(
            submission, user=people.reviewer, decision="approve",
            reason="Sourced and in scope.", seen=2,
        )  # fmt: skip
    assert submission.state == State.APPROVED
    assert _counter() == (before or 0) + 1
    measure = current_snapshot().measures["fr-submitted-pledge"]
    assert measure.summary == "A pledge, as the editor worded it."
    revision = Measure.history.filter(id="fr-submitted-pledge").latest("history_date")
    assert revision.history_user == people.reviewer
    assert "Sourced and in scope." in (revision.history_change_reason or "")
    kept = Revision.objects.latest("id")
    assert (kept.label, kept.user) == (ChangeLabel.NEW_MEASURE, people.reviewer)
    assert mail.outbox[-1].to == ["carla@example.org"]
    assert "approved" in mail.outbox[-1].subject
    assert "Sourced and in scope." in mail.outbox[-1].body
    actions = list(
        Transition.objects.filter(submission=submission).values_list("action", flat=True)
    )
    assert actions == ["submit", "prepare", "approve"]


def test_nobody_approves_their_own_work(mini_db, people, django_user_model):
    from tests.review.helpers import person

    both = person(django_user_model, "bea", "reviewer")  # a reviewer may submit too
    submission = services.submit(both, draft())
    with pytest.raises(PermissionDenied):
        services.decide(submission, user=both, decision="approve", reason="mine", seen=1)
    # An editor who prepared it may not decide it either, even as a reviewer.
    submission = services.submit(people.contributor, draft(title="Another"))
    admin = person(django_user_model, "ada", "admin")
    submission = services.edit(
        submission, user=admin, seen=1, title="Another", statement="s", proposal=proposal()
    )
    with pytest.raises(PermissionDenied):
        services.decide(submission, user=admin, decision="approve", reason="x", seen=2)
    assert Submission.objects.filter(state=State.APPROVED).count() == 0
    assert "fr-submitted-pledge" not in current_snapshot().measures


def test_roles_without_the_permission_are_refused(mini_db, people):
    with pytest.raises(PermissionDenied):
        services.submit(people.nobody, draft())
    submission = services.submit(people.contributor, draft())
    for user in (people.contributor, people.editor, people.nobody):
        with pytest.raises(PermissionDenied):
            services.decide(submission, user=user, decision="approve", reason="x", seen=1)


def test_bad_input_is_refused_by_field_and_nothing_is_queued(mini_db, people):
    bad = proposal()
    bad["measures"][0]["type"] = "wish"
    del bad["measures"][0]["title"]
    bad["measures"][0]["sources"] = ["src-nowhere"]
    with pytest.raises(services.Invalid) as refused:
        services.submit(people.contributor, draft(proposal=bad, statement=""))
    errors = refused.value.errors
    assert "statement" in errors
    assert "measures[0].type" in errors
    assert "measures[0].title" in errors
    assert Submission.objects.count() == 0
    # The schema passes, the validator does not: a source nobody has.
    unknown = proposal()
    unknown["measures"][0]["sources"] = ["src-nowhere"]
    with pytest.raises(services.Invalid) as refused:
        services.submit(people.contributor, draft(proposal=unknown))
    assert list(refused.value.errors) == ["measures[0].sources[0].source"], refused.value.errors
    assert Submission.objects.count() == 0
    assert "fr-submitted-pledge" not in current_snapshot().measures


def test_a_stale_decision_is_refused_and_says_what_changed(mini_db, people):
    submission = services.submit(people.contributor, draft())
    services.edit(
        submission, user=people.editor, seen=1, title="Renamed", statement="s",
        proposal=proposal(), reason="clearer title",
    )  # fmt: skip
    with pytest.raises(services.Stale) as stale:
        services.decide(submission, user=people.reviewer, decision="reject", reason="no", seen=1)
    assert [t.action for t in stale.value.since] == ["prepare"]
    assert Submission.objects.get().state == State.PREPARED


def test_request_changes_then_revise_then_reject(mini_db, people):
    submission = services.submit(people.contributor, draft())
    submission = services.decide(
        submission, user=people.reviewer, decision="request-changes", reason="cite it", seen=1
    )
    assert submission.state == State.CHANGES_REQUESTED
    submission = services.edit(
        submission, user=people.contributor, seen=2, title="t", statement="s", proposal=proposal()
    )
    assert submission.state == State.SUBMITTED
    submission = services.decide(
        submission, user=people.reviewer2, decision="reject", reason="out of scope", seen=3
    )
    assert submission.state == State.REJECTED
    with pytest.raises(services.Invalid):  # decided: closed to everyone
        services.decide(submission, user=people.reviewer, decision="approve", reason="x", seen=4)


def test_a_retraction_takes_the_measure_out_through_the_write_path(mini_db, people):
    submission = services.submit(
        people.contributor,
        draft(kind="retraction", proposal={"retract": ["us-disputed-contract"]}),
    )
    services.decide(submission, user=people.reviewer, decision="approve", reason="denied", seen=1)
    assert "us-disputed-contract" not in current_snapshot().measures
    assert Measure.history.filter(id="us-disputed-contract", history_type="-").exists()


def test_a_retraction_of_no_measure_is_refused_at_its_field(mini_db, people):
    with pytest.raises(services.Invalid) as refused:
        services.submit(
            people.contributor, draft(kind="retraction", proposal={"retract": ["nope"]})
        )
    assert list(refused.value.errors) == ["retract[0]"]
    assert Submission.objects.count() == 0
