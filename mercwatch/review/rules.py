"""Who may do what to which submission: every object-level rule of the review workflow, here
and nowhere else (the site, the API and the services ask `allowed`)."""

from __future__ import annotations

from typing import Any

import rules

from mercwatch.accounts.roles import DECIDE, PREPARE, SUBMIT, VIEW
from mercwatch.review.states import OPEN


def _perm(name: str) -> Any:
    return rules.predicate(lambda user: user.is_active and user.has_perm(name), name=name)


@rules.predicate
def is_author(user: Any, submission: Any) -> bool:
    return bool(submission.author_id == user.pk)


@rules.predicate
def prepared_it(user: Any, submission: Any) -> bool:
    """The user edited the proposal: their work too."""
    return bool(submission.editors.filter(pk=user.pk).exists())


@rules.predicate
def is_open(user: Any, submission: Any) -> bool:
    return submission.state in OPEN


can_submit = rules.is_authenticated & _perm(SUBMIT)
can_view = rules.is_authenticated & (is_author | _perm(VIEW))
can_prepare = rules.is_authenticated & _perm(PREPARE) & is_open & ~is_author

RULES = rules.RuleSet()
RULES.add_rule("submit", can_submit)
RULES.add_rule("view", can_view)
RULES.add_rule("revise", rules.is_authenticated & is_author & is_open)
RULES.add_rule("answer", rules.is_authenticated & is_author & is_open)
RULES.add_rule("prepare", can_prepare)
RULES.add_rule("ask", can_prepare)
RULES.add_rule("queue", rules.is_authenticated & (_perm(PREPARE) | _perm(DECIDE)))
# Nobody approves (or otherwise decides) their own work: not the author, not an editor of it.
RULES.add_rule(
    "decide",
    rules.is_authenticated & _perm(DECIDE) & is_open & ~is_author & ~prepared_it,
)


def allowed(user: Any, action: str, submission: Any = None) -> bool:
    """Tell whether `user` may do `action` (to `submission`)."""
    for name in ("approve", "request-changes", "reject"):
        if action == name:
            action = "decide"
    return bool(RULES.test_rule(action, user, submission))
