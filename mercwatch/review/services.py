"""What can be done with a submission: submit, edit (revise or prepare), ask and answer, and
decide. Each change is one compare-and-set on (state, version), so an edit or a decision made
on a version someone else has moved on is refused (`Stale`) rather than written over theirs;
approval applies the proposal through the write path in the same transaction as the state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.review import mail
from mercwatch.review.models import Kind, Message, Private, State, Submission, Transition
from mercwatch.review.proposal import FieldErrors, Unknown, apply_proposal, located, problems
from mercwatch.review.rules import allowed
from mercwatch.review.states import ACTIONS
from mercwatch.store.writes import Refused


class Invalid(Exception):
    """Input refused, by field; nothing was changed."""

    def __init__(self, errors: FieldErrors) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class Stale(Exception):
    """The submission moved on since the version the change was made on."""

    def __init__(self, submission: Submission, seen: int) -> None:
        self.submission = submission
        self.seen = seen
        self.since = list(submission.transitions.filter(version__gt=seen).select_related("user"))
        super().__init__(
            _("this submission changed since version %(seen)d (it is at version %(now)d)")
            % {"seen": seen, "now": submission.version}
        )


@dataclass(frozen=True)
class Draft:
    kind: str
    title: str
    statement: str
    proposal: dict[str, Any]
    anonymous: bool = False
    contact: str = ""
    private_note: str = ""


def _require(user: Any, action: str, submission: Submission | None = None) -> None:
    if not allowed(user, action, submission):
        raise PermissionDenied(_("you may not do this to this submission"))


def _texts(title: str, statement: str) -> FieldErrors:
    errors: FieldErrors = {}
    if not title.strip():
        errors["title"] = [_("required")]
    elif len(title) > 200:
        errors["title"] = [_("at most 200 characters")]
    if not statement.strip():
        errors["statement"] = [_("required: say what the records show and why")]
    elif len(statement) > 20_000:
        errors["statement"] = [_("at most 20,000 characters")]
    return errors


def submit(user: Any, draft: Draft) -> Submission:
    """Queue a new submission by `user`, once its proposal passes every check."""
    _require(user, "submit")
    errors = _texts(draft.title, draft.statement)
    if draft.kind not in Kind.values:
        errors["kind"] = [_("one of: %(kinds)s") % {"kinds": ", ".join(Kind.values)}]
    if len(draft.contact) > 200:
        errors["contact"] = [_("at most 200 characters")]
    errors.update(problems(draft.proposal, user=user))
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        submission = Submission.objects.create(
            kind=draft.kind,
            title=draft.title.strip(),
            statement=draft.statement,
            proposal=draft.proposal,
            author=user,
            anonymous=draft.anonymous,
        )
        if draft.contact or draft.private_note:
            Private.objects.create(
                submission=submission, contact=draft.contact, note=draft.private_note
            )
        Transition.objects.create(
            submission=submission, action="submit", source=State.SUBMITTED,
            target=State.SUBMITTED, user=user, version=1,
        )  # fmt: skip
    return submission


def _move(
    submission: Submission, action: str, *, user: Any, seen: int, reason: str = "", **fields: Any
) -> Submission:
    """Move `submission` by `action` if it is still at version `seen` in a state the action
    leaves from; in the caller's transaction."""
    step = ACTIONS[action]
    moved = Submission.objects.filter(
        pk=submission.pk, version=seen, state__in=step.sources
    ).update(state=step.target, version=F("version") + 1, **fields)
    fresh = Submission.objects.get(pk=submission.pk)
    if not moved:
        if fresh.version != seen:
            raise Stale(fresh, seen)
        raise Invalid({"state": [_("a submission that is %(state)s cannot be moved so") % {
            "state": fresh.get_state_display()}]})  # fmt: skip
    Transition.objects.create(
        submission=fresh, action=action, source=submission.state, target=step.target,
        user=user, reason=reason, version=fresh.version,
    )  # fmt: skip
    return fresh


def edit(submission: Submission, *, user: Any, seen: int, title: str, statement: str,
         proposal: dict[str, Any], reason: str = "") -> Submission:  # fmt: skip
    """Change the proposal: the author revises it, an editor prepares it."""
    action = "revise" if submission.author_id == user.pk else "prepare"
    _require(user, action, submission)
    errors = _texts(title, statement)
    errors.update(problems(proposal, user=user))
    if errors:
        raise Invalid(errors)
    with transaction.atomic():
        fresh = _move(submission, action, user=user, seen=seen, reason=reason,
                      title=title.strip(), statement=statement, proposal=proposal)  # fmt: skip
        if action == "prepare":
            fresh.editors.add(user)
    return fresh


def say(submission: Submission, *, user: Any, text: str) -> Message:
    """An editor's question to the contributor, or the contributor's answer."""
    action = "answer" if submission.author_id == user.pk else "ask"
    _require(user, action, submission)
    if not text.strip():
        raise Invalid({"text": [_("required")]})
    if len(text) > 20_000:
        raise Invalid({"text": [_("at most 20,000 characters")]})
    message = Message.objects.create(submission=submission, author=user, text=text)
    if action == "ask":
        transaction.on_commit(lambda: mail.question(submission, message))
    return message


def decide(
    submission: Submission, *, user: Any, decision: str, reason: str, seen: int
) -> Submission:
    """Approve, request changes or reject, with a written reason; an approval writes the
    proposal through the write path in the same transaction, or nothing happens at all."""
    if decision not in ("approve", "request-changes", "reject"):
        raise Invalid({"decision": [_("one of: approve, request-changes, reject")]})
    _require(user, decision, submission)
    if not reason.strip():
        raise Invalid({"reason": [_("required: every decision says why")]})
    if len(reason) > 5000:
        raise Invalid({"reason": [_("at most 5,000 characters")]})
    with transaction.atomic():
        fresh = _move(submission, decision, user=user, seen=seen, reason=reason)
        if decision == "approve":
            try:
                apply_proposal(
                    fresh.proposal, reason=_why(fresh, reason), user=user, label=_label(fresh)
                )
            except Refused as exc:  # the data moved on since the proposal was checked
                raise Invalid(located(exc.problems, fresh.proposal)) from exc
            except Unknown as exc:  # a measure to retract is no longer there
                raise Invalid(exc.errors) from exc
        transaction.on_commit(lambda: mail.decision(fresh, decision, reason))
    return fresh


# The label an approval's revision carries, by the kind of submission.
LABELS = {
    Kind.NEW_MEASURE: ChangeLabel.NEW_MEASURE,
    Kind.CORRECTION: ChangeLabel.CORRECTION,
    Kind.NEW_SOURCE: ChangeLabel.NEW_EVIDENCE,
    Kind.RETRACTION: ChangeLabel.RETRACTION,
    Kind.RIGHT_OF_REPLY: ChangeLabel.RIGHT_OF_REPLY,
}


def _label(submission: Submission) -> str:
    return LABELS[Kind(submission.kind)]


def _why(submission: Submission, reason: str) -> str:
    """The reason each revision of an approval carries: the kind, the submission and why
    (cut to the 100 characters a revision keeps; the transition keeps it all)."""
    return f"{submission.get_kind_display()} (submission {submission.pk}): {reason}"[:100]
