"""`mercwatch load [DIR]`: load the data directory into the database, in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from mercwatch.store.management.commands._output import counts_table, fail
from mercwatch.store.sync import WouldOverwrite, load
from mercwatch.tracker.loader.validate import check_dir


class Command(BaseCommand):
    help = "Load the data directory into the database; idempotent; all-or-nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dir", nargs="?", default=None, help="data directory")
        parser.add_argument(
            "--force",
            action="store_true",
            help="undo the edits made in the database since the last load or dump (listed)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["dir"] or settings.DATA_DIR)
        checked = check_dir(root)
        if checked.errors:
            fail(checked.errors)
        try:
            loaded = load(
                checked.snapshot,
                reason=f"load {root.name or root}",
                force=options["force"],
                action=f"load {root}",
            )
        except WouldOverwrite as refused:
            fail(
                [f"{e}: kept; the files say otherwise" for e in refused.edits]
                + [
                    "nothing loaded: write these edits to the files first (`mercwatch dump`), "
                    "or give --force to undo them"
                ]
            )
        for edit in loaded.overwritten:
            self.stderr.write(f"undone by --force: {edit}")
        counts = loaded.counts
        self.stdout.write(counts_table(counts), ending="")
