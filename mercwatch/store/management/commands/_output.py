"""Shared output of the data commands."""

from __future__ import annotations

import io
import sys
from collections import Counter
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table


def render(table: Table, *, width: int = 120) -> str:
    """Give a rich table as text, for a command's stdout."""
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(table)
    return buffer.getvalue()


def fail(errors: Iterable[object]) -> None:
    """Print each error on its own line to stderr, with a count, and exit with status 1."""
    items = [str(e) for e in errors]
    for item in items:
        sys.stderr.write(item + "\n")
    sys.stderr.write(f"{len(items)} error(s); nothing was written.\n")
    raise SystemExit(1)


def counts_table(counts: dict[str, Counter[str]]) -> str:
    table = Table("type", "created", "updated", "unchanged", "deleted", title="load")
    for name in sorted(counts):
        c = counts[name]
        table.add_row(name, *(str(c[k]) for k in ("created", "updated", "unchanged", "deleted")))
    return render(table, width=100)
