"""The packaged map geometry and regions (see docs/site.md for where they come from)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

GEOMETRY = Path(__file__).resolve().parent.parent / "geometry" / "world.json"


@cache
def _world() -> dict[str, Any]:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def view_box() -> str:
    """Give the SVG viewBox the paths are drawn in."""
    return str(_world()["source"]["viewBox"])


def attribution() -> dict[str, str]:
    """Give where the geometry, the regions and the projection come from."""
    return dict(_world()["source"])


@cache
def region_of() -> dict[str, str]:
    """Give each ISO 3166-1 alpha-2 country's UN M49 continent ('' when the source has none)."""
    return {code: c["region"] for code, c in _world()["countries"].items() if c["region"]}


@cache
def regions() -> tuple[str, ...]:
    """Give the regions the scorecard can be filtered by, in name order."""
    return tuple(sorted(set(region_of().values()) - {"Antarctica"}))


@cache
def paths() -> dict[str, str]:
    """Give each country drawn on the map its SVG path."""
    return {code: c["d"] for code, c in _world()["countries"].items() if c["d"]}
