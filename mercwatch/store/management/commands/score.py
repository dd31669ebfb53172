"""`mercwatch score`: every assessment of a framework at a date, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.table import Table

from mercwatch.store.management.commands._dataset import add_dataset_arguments, as_of, dataset
from mercwatch.store.management.commands._output import render
from mercwatch.tracker.derive import Assessment
from mercwatch.tracker.services.assessments import DataError, assess

CSV_COLUMNS = (
    "actor",
    "provision",
    "as_of",
    "level",
    "label",
    "score",
    "derived",
    "confidence",
    "methodology",
    "rule",
    "measures",
    "sources",
)


class Command(BaseCommand):
    help = "Derive and print assessments (the published numbers, rebuilt from the data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--framework", default="blueprint", help="framework ID")
        parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
        parser.add_argument("--actor", action="append", default=None, help="actor ID (repeat)")
        parser.add_argument(
            "--evidence-only", action="store_true", help="only actors with a level above none"
        )
        add_dataset_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        data = dataset(options)
        if options["framework"] not in data.frameworks:
            raise CommandError(f"--framework: unknown framework {options['framework']!r}")
        try:
            results = assess(
                data,
                as_of=as_of(options),
                framework=options["framework"],
                actors=options["actor"],
                version=options["methodology"],
            )
        except DataError as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        if options["evidence_only"]:
            scored = {a.actor for a in results if a.score}
            results = [a for a in results if a.actor in scored]
        {"json": self._json, "csv": self._csv, "table": self._table}[options["format"]](results)

    def _json(self, results: list[Assessment]) -> None:
        self.stdout.write(json.dumps([a.as_dict() for a in results], indent=2, ensure_ascii=False))

    def _csv(self, results: list[Assessment]) -> None:
        writer = csv.writer(self.stdout, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for a in results:
            measures = [c for c in a.contributions if c.decisive]
            writer.writerow(
                [
                    a.actor,
                    a.provision,
                    a.as_of.isoformat(),
                    a.level,
                    a.label,
                    "" if a.score is None else a.score,
                    str(a.derived).lower(),
                    a.confidence or "",
                    a.methodology,
                    a.rule,
                    ";".join(c.id for c in measures),
                    ";".join(sorted({s.url for c in measures for s in c.sources})),
                ]
            )

    def _table(self, results: list[Assessment]) -> None:
        provisions = list(dict.fromkeys(a.provision for a in results))
        table = Table("actor", *provisions, "total")
        rows: dict[str, dict[str, Assessment]] = {}
        for a in results:
            rows.setdefault(a.actor, {})[a.provision] = a
        for actor, cells in rows.items():
            total = sum(c.score or 0 for c in cells.values())
            table.add_row(actor, *(cells[p].level for p in provisions), str(total))
        self.stdout.write(render(table, width=250), ending="")
