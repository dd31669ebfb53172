"""Python in a process of its own, with the environment a test gives it: to read the settings
as a newcomer gets them, or to count requests from two processes at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def environment() -> dict[str, str]:
    """The environment without mercwatch's settings: every default as a newcomer has it."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("MERCWATCH_", "REDIS_"))}


def python(script: str, *args: str, env: dict[str, str]) -> str:
    """Run `script` with Django set up from `env`; give what it printed (fail if it fails)."""
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + script, *args],
        capture_output=True,
        text=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "mercwatch.settings"},
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def settings_of(env: dict[str, str], *names: str) -> dict[str, Any]:
    """Give the settings `names` as a process with the environment `env` reads them."""
    script = (
        "import json, sys\nfrom django.conf import settings\n"
        "print(json.dumps({n: getattr(settings, n) for n in sys.argv[1:]}))"
    )
    found: dict[str, Any] = json.loads(python(script, *names, env=env))
    return found
