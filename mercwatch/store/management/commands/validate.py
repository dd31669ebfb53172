"""`mercwatch check [DIR]`: validate the data directory without writing anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from mercwatch.store.management.commands._output import fail
from mercwatch.tracker.loader.validate import check_dir


class Command(BaseCommand):
    help = "Validate the data directory (default: the bundled data/) without writing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dir", nargs="?", default=None, help="data directory")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["dir"] or settings.DATA_DIR)
        checked = check_dir(root)
        if checked.errors:
            fail(checked.errors)
        data = checked.snapshot
        self.stdout.write(
            f"{root}: OK – {len(data.frameworks)} frameworks, {len(data.provisions)} provisions, "
            f"{len(data.actors)} actors, {sum(len(m) for m in data.memberships.values())} "
            f"memberships, {len(data.sources)} sources, {len(data.measures)} measures, "
            f"{len(data.overrides)} overrides, {len(data.methodologies)} methodologies"
        )
