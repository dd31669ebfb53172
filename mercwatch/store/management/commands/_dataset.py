"""Options shared by the commands that read assessments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError, CommandParser

from mercwatch.store.management.commands._output import fail
from mercwatch.tracker.loader.validate import snapshot_from_dir
from mercwatch.tracker.services.assessments import DataError
from mercwatch.tracker.snapshot import Snapshot


def add_dataset_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--as-of", default=None, help="date YYYY-MM-DD (default: today)", metavar="DATE"
    )
    parser.add_argument(
        "--data", default=None, metavar="DIR", help="read a data directory instead of the database"
    )
    parser.add_argument(
        "--methodology",
        default=settings.METHODOLOGY_VERSION,
        metavar="VERSION",
        help="methodology version (default: MERCWATCH_METHODOLOGY, else the latest)",
    )


def as_of(options: dict[str, Any]) -> dt.date:
    value = options["as_of"]
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--as-of: expected YYYY-MM-DD, got {value!r}") from exc


def dataset(options: dict[str, Any]) -> Snapshot:
    """Give the snapshot of `--data DIR`, or of the database (the shared one: store/current.py)."""
    from mercwatch.store.current import current_snapshot

    try:
        return snapshot_from_dir(Path(options["data"])) if options["data"] else current_snapshot()
    except DataError as exc:
        fail(exc.errors)
        raise  # unreachable: fail() exits
