"""`mercwatch export FORMAT --out PATH`: write the data in one open format."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.exports.bundle import ExportError, bundle_for
from mercwatch.exports.registry import exporters
from mercwatch.exports.services import build_downloads, export
from mercwatch.store.management.commands._dataset import as_of, dataset


class Command(BaseCommand):
    help = (
        "Write the data as csv, xlsx, json, datapackage, ftm, stix, sqlite or atom "
        "(a directory for csv and datapackage, a file for the others); "
        "`export downloads` builds every format of each edition for the Downloads page."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=[*sorted(exporters()), "downloads"])
        parser.add_argument("--out", default=None, metavar="PATH", help="file or directory")
        parser.add_argument("--edition", default=None, help="edition ID (default: the latest)")
        parser.add_argument(
            "--as-of", default=None, metavar="DATE", help="a date instead of an edition"
        )
        parser.add_argument(
            "--data", default=None, metavar="DIR", help="read a data directory, not the database"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data = dataset({**options, "methodology": None})
        started = time.perf_counter()
        if options["format"] == "downloads":
            root = Path(options["out"] or settings.VAR_DIR / "downloads")
            for edition in data.editions:
                files = build_downloads(bundle_for(data, edition=edition.id), root)
                self.stdout.write(f"{edition.id}: {len(files)} files in {root / edition.id}")
            return
        if not options["out"]:
            raise CommandError("--out: give the file or directory to write")
        try:
            day = as_of(options) if options["as_of"] else None
            bundle = bundle_for(data, edition=options["edition"], as_of=day)
        except ExportError as exc:
            raise CommandError(f"--edition: {exc}") from exc
        out = Path(options["out"])
        export(bundle, options["format"], out)
        seconds = time.perf_counter() - started
        self.stdout.write(f"{options['format']}: {bundle.label} → {out} ({seconds:.2f} s)")
