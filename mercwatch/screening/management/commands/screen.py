"""`mercwatch screen`: screen a name, or a CSV list of names, against the market knowledge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from mercwatch.screening import output
from mercwatch.screening.lists import BadList, Query, query_of, read_list
from mercwatch.screening.run import Run, screen
from mercwatch.store.management.commands._dataset import as_of, dataset
from mercwatch.store.management.commands._output import render

PROGRESS_FROM = 200  # names: a list this long shows a progress bar (on stderr)


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{option}: expected YYYY-MM-DD, got {value!r}") from exc


class Command(BaseCommand):
    help = "Screen a name, or a CSV list of names, against designated vendors and their ties."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", help="one name to screen")
        parser.add_argument("--file", metavar="CSV", help="a list: column name; id, country, kind")
        parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
        parser.add_argument("--as-of", metavar="DATE", help="date YYYY-MM-DD (default: today)")
        parser.add_argument("--threshold", type=float, metavar="X", help="0–1 (default: setting)")
        parser.add_argument(
            "--since", metavar="DATE", help="only names whose result changed since DATE"
        )
        parser.add_argument("--country", default="", help="the one name's country")
        parser.add_argument(
            "--data", metavar="DIR", help="read a data directory instead of the database"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["name"]) == bool(options["file"]):
            raise CommandError("give one NAME or --file CSV")
        threshold = options["threshold"]
        if threshold is not None and not 0 <= threshold <= 1:
            raise CommandError(f"--threshold: between 0 and 1, got {threshold}")
        queries = self._queries(options)
        on, since = as_of(options), _day(options["since"], "--since")
        if since is not None and since > on:
            raise CommandError(f"--since: {since} is after the as-of date {on}")
        data = dataset(options)
        version: Hashable
        if options["data"]:
            version = f"directory {Path(options['data']).resolve().name}"
        else:
            from mercwatch.store.current import data_version

            version = data_version()
        err = Console(stderr=True)
        with Progress(console=err, transient=True, disable=len(queries) < PROGRESS_FROM) as bar:
            task = bar.add_task("screening", total=len(queries))
            run = screen(
                data, queries, version=version, as_of=on, threshold=threshold, since=since,
                step=lambda: bar.advance(task),
            )  # fmt: skip
        writers = {"json": output.as_json, "csv": output.as_csv, "table": self._table}
        self.stdout.write(writers[options["format"]](run), ending="")

    def _queries(self, options: dict[str, Any]) -> list[Query]:
        try:
            if options["name"]:
                return [query_of(options["name"], country=options["country"])]
            path = Path(options["file"])
            try:
                body = path.read_bytes()
            except OSError as exc:
                raise CommandError(f"--file: cannot read {path}: {exc.strerror}") from exc
            return read_list(body)
        except BadList as exc:
            where = options["file"] or "NAME"
            raise CommandError(f"{where}: {exc}; nothing was screened") from exc

    def _table(self, run: Run) -> str:
        table = Table("query", "candidate", "matched name", "score", "designated", "affiliated",
                      "listed", "reasons", title=output.heading(run))  # fmt: skip
        for result in run.results:
            if not result["matches"]:
                table.add_row(result["query"], "–", "", "", "", "", "", "")
            for m in result["matches"]:
                table.add_row(
                    result["query"], m["name"], m["matched_name"], f"{m['score']:.2f}",
                    output.yes(m["designated"]), output.yes(m["affiliated"]),
                    output.yes(m["listed"]), "; ".join(m["reasons"] + m["path"]),
                )  # fmt: skip
        return render(table, width=160)
