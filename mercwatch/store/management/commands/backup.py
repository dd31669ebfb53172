"""`mercwatch backup OUT`: a consistent copy of the database, made while the site serves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.store.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database to OUT while the site serves (SQLite's "
        "online backup API; pg_dump's custom format on PostgreSQL). `restore` brings it back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", help="the backup file to write")
        parser.add_argument("--force", action="store_true", help="replace OUT if it exists")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        try:
            kind = backup(out, force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{out}: {kind} backup written, {out.stat().st_size} bytes")
