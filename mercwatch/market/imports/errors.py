"""What an importer says of a file it cannot read: the file, the entry, the reason."""

from __future__ import annotations


class BadInput(ValueError):
    """An inventory or index file that cannot be imported; nothing was written."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__("\n".join(f"{path}: {p}" for p in problems))
        self.path = path
        self.problems = problems
