"""`mercwatch load [DIR]`: load the data directory into the database, in one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.loader.write import write_dataset
from mercwatch.tracker.management.commands._output import counts_table, fail
from mercwatch.tracker.signals import data_loaded


class Command(BaseCommand):
    help = "Load the data directory into the database; idempotent; all-or-nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dir", nargs="?", default=None, help="data directory")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["dir"] or settings.DATA_DIR)
        data = check_dir(root)
        if data.errors:
            fail(data.errors)
        with transaction.atomic():
            counts = write_dataset(data, reason=f"load {root.name or root}")
        data_loaded.send(sender=self.__class__, root=root)
        self.stdout.write(counts_table(counts), ending="")
