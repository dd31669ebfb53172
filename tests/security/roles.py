"""The roles a request can come with: one list, which the review workflow extends with its own
(contributor, editor, reviewer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import Permission

from mercwatch.accounts.roles import give_role


@dataclass(frozen=True)
class Role:
    name: str
    signed_in: bool = True
    staff: bool = False
    superuser: bool = False
    views: tuple[str, ...] = ()  # apps whose records the role may view
    groups: tuple[str, ...] = ()  # the review workflow's roles (mercwatch/accounts/roles.py)

    def user(self, user_model: Any) -> Any:
        """Give a user with this role (None for the anonymous reader)."""
        if not self.signed_in:
            return None
        user = user_model.objects.create_user(
            f"role-{self.name}", is_staff=self.staff, is_superuser=self.superuser
        )
        codenames = Permission.objects.filter(
            content_type__app_label__in=self.views, codename__startswith="view_"
        )
        user.user_permissions.add(*codenames)
        for group in self.groups:
            give_role(user, group)
        return type(user).objects.get(pk=user.pk)  # no permission cache


ANONYMOUS = Role("anonymous", signed_in=False)
USER = Role("user")
STAFF = Role("staff", staff=True)
VIEWER = Role("viewer", staff=True, views=("tracker", "market"))
SUPERUSER = Role("superuser", staff=True, superuser=True)
CONTRIBUTOR = Role("contributor", groups=("contributor",))
EDITOR = Role("editor", groups=("editor",))
REVIEWER = Role("reviewer", groups=("reviewer",))
ROLES = (ANONYMOUS, USER, STAFF, VIEWER, SUPERUSER, CONTRIBUTOR, EDITOR, REVIEWER)
