"""`mercwatch token create|list|revoke`: API tokens, shown once when made, kept hashed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.accounts.models import ApiToken, Scope
from mercwatch.accounts.tokens import issue, revoke


class Command(BaseCommand):
    help = "Create, list or revoke API tokens (a new one is printed once; only its hash is kept)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="make a token for USER")
        create.add_argument("username")
        create.add_argument("--scope", required=True, choices=[s.value for s in Scope])
        create.add_argument("--name", required=True, help="what the token is for")
        listing = sub.add_parser("list", help="list tokens (of USER)")
        listing.add_argument("username", nargs="?")
        drop = sub.add_parser("revoke", help="revoke the token with this number")
        drop.add_argument("id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            user = self._user(options["username"])
            row, token = issue(user, options["scope"], options["name"])
            self.stdout.write(f"token {row.pk} for {user.username} ({row.scope}): {token}")
            self.stdout.write("It is shown this once; only its hash is kept.")
        elif action == "list":
            rows = ApiToken.objects.select_related("user").order_by("id")
            if options["username"]:
                rows = rows.filter(user=self._user(options["username"]))
            for row in rows:
                used = row.last_used.isoformat(timespec="seconds") if row.last_used else "never"
                state = "revoked" if row.revoked else "live"
                self.stdout.write(
                    f"{row.pk}\t{row.user.username}\t{row.scope}\t{row.prefix}…\t{row.name}\t"
                    f"last used {used}\t{state}"
                )
        else:
            found = ApiToken.objects.filter(pk=options["id"]).first()
            if found is None:
                raise CommandError(f"no token {options['id']}")
            revoke(found)
            self.stdout.write(f"revoked token {found.pk}")

    def _user(self, name: str) -> Any:
        found = get_user_model().objects.filter(username=name).first()
        if found is None:
            raise CommandError(f"no user named {name!r}")
        return found
