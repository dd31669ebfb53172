"""`mercwatch createuser NAME --role ROLE`: a user of the review workflow, with a password
asked for (or read from MERCWATCH_NEW_PASSWORD); there is no default password."""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from mercwatch.accounts.roles import ROLES, give_role

PASSWORD_ENV = "MERCWATCH_NEW_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a user with a role of the review workflow. The password is asked for twice, "
        f"or read from the environment variable {PASSWORD_ENV} when it is set (never a default)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="", help="where decisions are sent")

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model()
        name = options["username"]
        if users.objects.filter(username=name).exists():
            raise CommandError(f"a user named {name!r} exists already")
        password = os.environ.get(PASSWORD_ENV) or self._ask()
        user = users(username=name, email=options["email"])
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("password refused: " + " ".join(exc.messages)) from exc
        with transaction.atomic():
            user.set_password(password)
            user.save()
            give_role(user, options["role"])
        self.stdout.write(f"created {name} ({options['role']})")

    def _ask(self) -> str:
        try:
            first = getpass.getpass("Password: ")
            second = getpass.getpass("Password (again): ")
        except EOFError as exc:
            raise CommandError(f"no password: give one at the prompt or in {PASSWORD_ENV}") from exc
        if not first:
            raise CommandError("the password is empty")
        if first != second:
            raise CommandError("the two passwords differ")
        return first
