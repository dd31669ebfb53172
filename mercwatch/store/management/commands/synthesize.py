"""`mercwatch synthesize --scale N OUT`: a synthetic data directory N times the bundled one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.tracker.services.synthetic import synthesize


class Command(BaseCommand):
    help = "Write a synthetic data directory SCALE times a real one (for benchmarks only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", help="directory to write (replaced if it exists)")
        parser.add_argument("--scale", type=int, default=100)
        parser.add_argument("--source", default=None, help="data directory (default: data/)")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["source"] or settings.DATA_DIR)
        out = Path(options["out"])
        if out.resolve() == source.resolve():
            raise CommandError("OUT must not be the source data directory")
        try:
            counts = synthesize(source, out, options["scale"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        self.stdout.write(f"{out}: {summary}")
