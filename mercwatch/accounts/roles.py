"""The roles of the review workflow, as Django groups with permissions.

A contributor proposes; an editor prepares (edits, asks the contributor); a reviewer decides;
an admin does all three and runs the back office. The groups are made (and their permissions
set again) after every `migrate`, so a new permission reaches its role without a step by hand.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

SUBMIT = "review.add_submission"
PREPARE = "review.prepare_submission"
DECIDE = "review.decide_submission"
VIEW = "review.view_submission"
FREEZE = "workflow.freeze_edition"  # freeze and publish editions

ROLES: dict[str, tuple[str, ...]] = {
    "contributor": (SUBMIT,),
    "editor": (SUBMIT, VIEW, PREPARE),
    "reviewer": (SUBMIT, VIEW, DECIDE, FREEZE),
    "admin": (SUBMIT, VIEW, PREPARE, DECIDE, FREEZE),
}


def ensure_roles(sender: Any = None, apps: Any = None, **_kwargs: Any) -> None:
    """Make each role's group hold exactly its permissions (after the review app migrated)."""
    if sender is not None and getattr(sender, "label", None) != "review":
        return
    for label in ("review", "workflow"):
        create_permissions(global_apps.get_app_config(label), verbosity=0)
    for name, perms in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [
            Permission.objects.get(content_type__app_label=label, codename=codename)
            for label, codename in (p.split(".", 1) for p in perms)
        ]
        group.permissions.set(wanted)


def give_role(user: Any, role: str) -> None:
    """Put `user` in the group of `role` (an admin is also staff and superuser)."""
    if role not in ROLES:
        raise ValueError(f"no role {role!r}; the roles are {', '.join(ROLES)}")
    ensure_roles()
    user.groups.add(Group.objects.get(name=role))
    if role == "admin":
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
