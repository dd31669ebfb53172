"""`mercwatch restore IN`: replace the database with a backup that `mercwatch backup` wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.store.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database with the backup IN (written by `mercwatch backup`). Refuses a "
        "database that holds data unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", metavar="IN", help="the backup file to restore")
        parser.add_argument(
            "--force", action="store_true", help="replace a database that holds data"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["source"])
        try:
            restore(source, force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{source}: restored")
