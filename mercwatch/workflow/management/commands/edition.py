"""`mercwatch edition freeze|publish|list|diff`: frozen, citable editions from the command line."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.store.current import current_snapshot
from mercwatch.store.writes import Refused
from mercwatch.workflow import editions, gate, services
from mercwatch.workflow.editions import EditionError
from mercwatch.workflow.models import FrozenEdition


class Command(BaseCommand):
    help = (
        "Frozen editions: `freeze` stores the database's state and every export built from it "
        "(--views freezes each edition record of data/editions.yaml not frozen yet); `publish` "
        "passes an edition through the gate (every file validated, nothing dropped without "
        "--retract KIND:ID=REASON); `list` the editions; `diff A B` what changed between two."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        freeze = sub.add_parser("freeze", help="freeze the current state as an edition")
        freeze.add_argument("--title", default="", help="the edition's title")
        freeze.add_argument("--notes", default="", help="what the edition is")
        freeze.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
        freeze.add_argument("--view", default="", metavar="ID", help="an edition record to freeze")
        freeze.add_argument(
            "--views", action="store_true", help="freeze every edition record not frozen yet"
        )
        freeze.add_argument("--publish", action="store_true", help="publish it through the gate")
        for p in (freeze, sub.add_parser("publish", help="publish a frozen edition")):
            p.add_argument("--retract", action="append", default=[], metavar="KIND:ID=REASON")
            p.add_argument("--user", default=None, help="the user it is done as")
        sub.choices["publish"].add_argument("edition", help="the edition's identifier")
        listing = sub.add_parser("list", help="list the editions")
        listing.add_argument("--all", action="store_true", help="unpublished ones too")
        compare = sub.add_parser("diff", help="what changed between two editions")
        compare.add_argument("before")
        compare.add_argument("after")
        compare.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except gate.GateRefused as exc:
            raise CommandError("\n".join([str(exc).partition(":")[0] + ":", *exc.reasons])) from exc
        except services.NoEdition as exc:
            raise CommandError(f"no edition {exc}") from exc
        except (EditionError, Refused) as exc:
            raise CommandError(str(exc)) from exc

    def _user(self, options: dict[str, Any]) -> Any:
        name = options.get("user")
        if not name:
            return None
        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            raise CommandError(f"--user: no user {name!r}")
        return user

    def _freeze(self, options: dict[str, Any]) -> None:
        user = self._user(options)
        retractions = [gate.parse_retraction(r) for r in options["retract"]]
        if options["views"]:
            frozen = set(FrozenEdition.objects.values_list("view", flat=True))
            todo = [e for e in current_snapshot().editions if e.id not in frozen]
            made = [
                editions.freeze(title=e.title, notes=e.notes, view=e.id, user=user) for e in todo
            ]
            if not made:
                self.stdout.write("every edition record is frozen already")
        else:
            day = dt.date.fromisoformat(options["date"]) if options["date"] else None
            made = [
                editions.freeze(
                    title=options["title"],
                    notes=options["notes"],
                    day=day,
                    view=options["view"],
                    user=user,
                )
            ]
        for edition in made:
            self.stdout.write(
                f"frozen {edition.id}: {edition.title} ({edition.files.count()} files)"
            )
            if options["publish"]:
                gate.publish(edition, retractions=retractions, user=user)
                self.stdout.write(f"published {edition.id}")

    def _publish(self, options: dict[str, Any]) -> None:
        edition = services.edition(options["edition"], drafts=True)
        retractions = [gate.parse_retraction(r) for r in options["retract"]]
        gate.publish(edition, retractions=retractions, user=self._user(options))
        self.stdout.write(f"published {edition.id}")

    def _list(self, options: dict[str, Any]) -> None:
        rows = FrozenEdition.objects.all() if options["all"] else editions.published()
        for e in rows:
            state = "published" if e.published_at else "draft"
            self.stdout.write(f"{e.id}\t{state}\t{e.title}")

    def _diff(self, options: dict[str, Any]) -> None:
        before = services.edition(options["before"], drafts=True)
        after = services.edition(options["after"], drafts=True)
        found = services.diff_of(before, after)
        if options["format"] == "json":
            self.stdout.write(json.dumps(found.as_dict(), indent=1, ensure_ascii=False))
            return
        for st in found.statuses:
            was = st.before.label if st.before else "–"
            now = st.after.label if st.after else "–"
            self.stdout.write(f"{st.direction}\t{st.actor}\t{st.provision}\t{was} → {now}")
        for m in found.measures:
            why = "; ".join(r.text for r in m.reasons)
            fields = ", ".join(f.field for f in m.fields)
            self.stdout.write(f"{m.change}\t{m.measure}\t{fields}\t{why}".rstrip())
