"""Issuing, checking and revoking API tokens (the one place that knows their form)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.utils import timezone

from mercwatch.accounts.models import ApiToken, Scope

# What each scope lets a token do: reading one's own submissions comes with every scope.
GRANTS = {
    Scope.READ: {Scope.READ},
    Scope.SUBMIT: {Scope.READ, Scope.SUBMIT},
    Scope.REVIEW: {Scope.READ, Scope.REVIEW},
}


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(user: Any, scope: str, name: str) -> tuple[ApiToken, str]:
    """Make a token for `user`; give its row and the token itself, which is never kept."""
    token = secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user, name=name, scope=Scope(scope), digest=digest(token), prefix=token[:6]
    )
    return row, token


def check(token: str, scope: str) -> ApiToken | None:
    """Give the live token row if `token` is one and its scope grants `scope`, else None; a
    token that is used has its last-used time set."""
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(token), revoked__isnull=True, user__is_active=True)
        .first()
    )
    if row is None or Scope(scope) not in GRANTS[Scope(row.scope)]:
        return None
    now = timezone.now()
    ApiToken.objects.filter(pk=row.pk).update(last_used=now)
    row.last_used = now
    return row


def revoke(row: ApiToken) -> None:
    if row.revoked is None:
        row.revoked = timezone.now()
        row.save(update_fields=["revoked"])
