"""`mercwatch build-site OUT`: write the public site as static files for any static host."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.site.export import build


class Command(BaseCommand):
    help = (
        "Write the whole public site (HTML pages, JSON twins, Atom feeds, static assets) under "
        "OUT, crawled from / in the loaded data. Filters, sorting and as-of dates need the "
        "server; the export shows the tracker as of the day it is built."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", help="output directory (created; files are overwritten)")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        result = build(out, progress=lambda msg: self.stderr.write(msg))
        for error in result.errors:
            self.stderr.write(error)
        self.stdout.write(f"{result.pages} pages and {result.assets} assets written to {out}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} links could not be exported")
