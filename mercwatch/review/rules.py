"""Who may do what to which submission: every object-level rule of the review workflow, here
and nowhere else (the site, the API and the services ask `allowed`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rules.predicates import is_authenticated
from rules.predicates import predicate as _untyped_predicate
from rules.rulesets import RuleSet

from mercwatch.accounts.roles import DECIDE, PREPARE, SUBMIT, VIEW
from mercwatch.review.states import OPEN

predicate: Callable[..., Any] = _untyped_predicate  # (the library is not typed)


def _perm(name: str) -> Any:
    return predicate(lambda user: user.is_active and user.has_perm(name), name=name)


@predicate
def is_author(user: Any, submission: Any) -> bool:
    return bool(submission.author_id == user.pk)


@predicate
def prepared_it(user: Any, submission: Any) -> bool:
    """The user edited the proposal: their work too."""
    return bool(submission.editors.filter(pk=user.pk).exists())


@predicate
def is_open(user: Any, submission: Any) -> bool:
    return submission.state in OPEN


can_submit = is_authenticated & _perm(SUBMIT)
can_view = is_authenticated & (is_author | _perm(VIEW))
# Who may change or decide a submission; whether its state still allows it is the change's own
# compare-and-set (services.py), so that a change made on a stale version is told so (409).
can_prepare = is_authenticated & _perm(PREPARE) & ~is_author

RULES = RuleSet()
_add: Callable[[str, Any], None] = RULES.add_rule  # (the library is not typed)
_test: Callable[..., bool] = RULES.test_rule
_add("submit", can_submit)
_add("view", can_view)
_add("revise", is_authenticated & is_author)
_add("answer", is_authenticated & is_author & is_open)
_add("prepare", can_prepare)
_add("ask", can_prepare & is_open)
_add("queue", is_authenticated & (_perm(PREPARE) | _perm(DECIDE)))
# Nobody approves (or otherwise decides) their own work: not the author, not an editor of it.
_add(
    "decide",
    is_authenticated & _perm(DECIDE) & ~is_author & ~prepared_it,
)


def allowed(user: Any, action: str, submission: Any = None) -> bool:
    """Tell whether `user` may do `action` (to `submission`)."""
    for name in ("approve", "request-changes", "reject"):
        if action == name:
            action = "decide"
    return _test(action, user, submission)
