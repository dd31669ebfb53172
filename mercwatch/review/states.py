"""The states of a submission and the actions that move it: one table.

A small model of our own rather than django-fsm-2: each action is one compare-and-set UPDATE
on (state, version) in the database (services.py), which is what makes two reviewers deciding
at once end with exactly one decision; a state-machine library's in-memory transition would
need the same update besides.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from mercwatch.review.models import State

OPEN = frozenset({State.SUBMITTED, State.PREPARED, State.CHANGES_REQUESTED})
READY = frozenset({State.SUBMITTED, State.PREPARED})  # what a reviewer may approve


class Action:
    def __init__(self, name: str, label: object, sources: frozenset[str], target: str) -> None:
        self.name, self.label, self.sources, self.target = name, label, sources, target


ACTIONS = {
    a.name: a
    for a in (
        # The author changes the proposal: back in the queue.
        Action("revise", _("Revise"), OPEN, State.SUBMITTED),
        # An editor changes the proposal, or asks the contributor.
        Action("prepare", _("Prepare"), OPEN, State.PREPARED),
        # A reviewer decides.
        Action("approve", _("Approve"), READY, State.APPROVED),
        Action("request-changes", _("Request changes"), READY, State.CHANGES_REQUESTED),
        Action("reject", _("Reject"), OPEN, State.REJECTED),
    )
}  # fmt: skip
DECISIONS = ("approve", "request-changes", "reject")
