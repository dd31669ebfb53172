"""`mercwatch stats [DIR]`: coverage counts of the data, as a table or JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from rich.table import Table

from mercwatch.store.management.commands._dataset import dataset
from mercwatch.store.management.commands._output import render
from mercwatch.tracker.services.stats import dataset_stats


class Command(BaseCommand):
    help = "Count actors, measures, sources, memberships and evidence (default: the database)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "dir", nargs="?", default=None, help="data directory (default: the database)"
        )
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        stats = dataset_stats(dataset({"data": options["dir"]}))
        if options["format"] == "json":
            self.stdout.write(json.dumps(stats, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(render(_table(stats), width=120), ending="")


def _table(stats: dict[str, Any]) -> Table:
    """Give the headline counts as one table of (group, item, count) rows."""
    table = Table("group", "item", "count", title="mercwatch stats")
    for group in ("actors", "sources"):
        table.add_row(group, "total", str(stats[group]["total"]))
        for kind, count in stats[group]["per_kind"].items():
            table.add_row("", kind, str(count))
    table.add_row("measures", "total", str(stats["measures"]["total"]))
    for kind, count in stats["measures"]["per_type"].items():
        table.add_row("", kind, str(count))
    for framework, entry in stats["memberships"].items():
        table.add_row("memberships", framework, f"{entry['count']} ({entry['dated']} dated)")
    for key in ("governments_with_measures", "companies_with_evidence"):
        table.add_row(key.replace("_", " "), "count", str(stats[key]["count"]))
    for principle, entry in stats["companies_with_evidence"]["per_principle"].items():
        table.add_row("", principle, str(entry["count"]))
    return table
