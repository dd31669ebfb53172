"""The packaged map geometry and regions (see docs/site.md for where they come from)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

GEOMETRY = Path(__file__).resolve().parent.parent / "geometry" / "world.json"


@cache
def _world() -> dict[str, Any]:
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# The map's views of each region, as SVG viewBoxes ("x y width height") in the geometry's frame:
# the bounds of the mainland (largest shape) of every country of the region, with a margin,
# except Europe's, which stops at the Urals rather than take in the whole of Russia.
# tests/site/test_map.py checks that each view holds its countries.
ZOOMS: dict[str, tuple[Promise, str]] = {
    "Africa": (_("Africa"), "425 100 220 310"),
    "America": (_("the Americas"), "175 0 295 420"),
    "Asia": (_("Asia"), "535 45 295 230"),
    "Europe": (_("Europe"), "425 0 180 120"),
    "Oceania": (_("Oceania"), "755 235 195 170"),
}
# The regions as the scorecard's filter names them (the geometry's own names are its values).
REGION_NAMES: dict[str, Promise] = {
    "Africa": _("Africa"),
    "America": pgettext_lazy("a region of the world", "America"),
    "Asia": _("Asia"),
    "Europe": _("Europe"),
    "Oceania": _("Oceania"),
}
_POINT = re.compile(r"(-?[0-9.]+) (-?[0-9.]+)")


def view_box(zoom: str = "") -> str:
    """Give the SVG viewBox of the whole map, or of the region `zoom` (a key of ZOOMS)."""
    return ZOOMS[zoom][1] if zoom else str(_world()["source"]["viewBox"])


@cache
def bounds() -> dict[str, tuple[float, float, float, float]]:
    """Give each country drawn on the map its bounds (left, top, right, bottom), all its shapes
    included (France's reach French Guiana)."""
    out = {}
    for code, d in paths().items():
        points = [(float(x), float(y)) for x, y in _POINT.findall(d)]
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        out[code] = (min(xs), min(ys), max(xs), max(ys))
    return out


def in_view(code: str, zoom: str) -> bool:
    """Tell whether the country `code` shows in the view of the region `zoom` ('' is the world)."""
    if not zoom:
        return True
    x, y, width, height = (float(n) for n in view_box(zoom).split())
    left, top, right, bottom = bounds()[code]
    return left < x + width and right > x and top < y + height and bottom > y


def attribution() -> dict[str, str]:
    """Give where the geometry, the regions and the projection come from."""
    return dict(_world()["source"])


@cache
def region_of() -> dict[str, str]:
    """Give each ISO 3166-1 alpha-2 country's UN M49 continent ('' when the source has none)."""
    return {code: c["region"] for code, c in _world()["countries"].items() if c["region"]}


def region_name(region: str) -> str:
    """Give a region as a reader reads it (the name of the geometry, when it has no other)."""
    return str(REGION_NAMES.get(region, region))


@cache
def regions() -> tuple[str, ...]:
    """Give the regions the scorecard can be filtered by, in name order."""
    return tuple(sorted(set(region_of().values()) - {"Antarctica"}))


@cache
def paths() -> dict[str, str]:
    """Give each country drawn on the map its SVG path."""
    return {code: c["d"] for code, c in _world()["countries"].items() if c["d"]}
