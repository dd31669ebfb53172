"""What the import tests share: the small cluster and running the command."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GALAXY = FIXTURES / "misp-galaxy" / "surveillance-vendor.json"
MVT = FIXTURES / "mvt-indicators" / "indicators.yaml"
AMNESTY = FIXTURES / "amnesty-investigations" / "folders.txt"
VENDOR_ONE = "0b5d2f4e-1c3a-4f6b-9d8e-7a6b5c4d3e2f"
HOLDINGS = "5e7c9a1b-2d4f-4e6a-8b0c-1d2e3f4a5b6c"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def counts(output: str) -> dict[str, int]:
    found = {}
    for line in output.splitlines():
        name, sep, value = line.partition(": ")
        if sep and value.isdigit():
            found[name] = int(value)
    return found
