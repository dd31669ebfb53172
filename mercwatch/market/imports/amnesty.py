"""Amnesty Tech's investigations (CC BY) as index entries: one folder per investigation,
named `YYYY-MM-DD_slug`, read from a list of the folder names (one a line). Each is dated by
its name, documented by Amnesty International, and its report is the folder in the
repository at the commit the list was taken from (`--commit`, else the default branch)."""

from __future__ import annotations

import re
from pathlib import Path

from mercwatch.market.imports.errors import BadInput
from mercwatch.market.imports.findings import Entry

REPOSITORY = "https://github.com/AmnestyTech/investigations"
ORGANISATION = "Amnesty International"
FOLDER = re.compile(r"^(\d{4}-\d{2}-\d{2})_([a-z0-9_]+)$")


def _commit(path: Path) -> str:
    """Give the commit the list was taken from, as its SOURCE.md beside it says."""
    note = path.with_name("SOURCE.md")
    if note.is_file():
        found = re.search(r"\b([0-9a-f]{40})\b", note.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return "master"


def read_index(path: Path) -> list[Entry]:
    shown = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(shown, [f"cannot read the file: {exc}"]) from None
    commit = _commit(path)
    entries = []
    problems = []
    for number, line in enumerate(lines, start=1):
        folder = line.strip()
        if not folder or folder.startswith("#"):
            continue
        found = FOLDER.match(folder)
        if not found:
            problems.append(f"line {number}: {folder!r} is not a folder named YYYY-MM-DD_slug")
            continue
        date, slug = found.groups()
        entries.append(
            Entry(
                "amnesty",
                f"Amnesty Tech investigation {folder}",
                (ORGANISATION,),
                (f"{REPOSITORY}/tree/{commit}/{folder}",),
                date,
                f"line {number} ({folder})",
                about=slug.replace("_", " "),
            )
        )
    if not entries and not problems:
        problems.append("no investigation folders")
    if problems:
        raise BadInput(shown, problems)
    return entries
