"""The `mercwatch` command: the data commands, `serve`, and Django's management commands."""

from __future__ import annotations

import os
import sys

# Django owns `check` (its system checks); ours validates the data directory.
ALIASES = {"check": "validate", "systemcheck": "check", "build-site": "build_site"}


def main(argv: list[str] | None = None) -> None:
    """Run `mercwatch COMMAND [ARGS]`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ALIASES:
        args[0] = ALIASES[args[0]]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mercwatch.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mercwatch", *args])


if __name__ == "__main__":
    main()
