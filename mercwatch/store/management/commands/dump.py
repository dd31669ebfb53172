"""`mercwatch dump DIR`: write the database back to the data directory's layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mercwatch.store.current import current_snapshot
from mercwatch.store.marks import mark
from mercwatch.tracker.loader.dump import dump_dir


class Command(BaseCommand):
    help = "Write the database to DIR as data files (the layout `load` reads)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dir", help="data directory to write")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["dir"])
        snapshot = current_snapshot()
        written, removed = dump_dir(root, snapshot)
        mark(snapshot, f"dump {root}")
        self.stdout.write(f"{root}: {written} files written, {removed} removed")
