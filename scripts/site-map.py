"""Convert world-atlas's TopoJSON and UN M49 regions into mercwatch's map file (run once).

    npm install world-atlas@2.0.2            # Natural Earth 1:110m, ISC licence
    pip download --no-deps country_converter==1.3.2   # ships country_data.tsv (UN M49 regions)
    python scripts/site-map.py node_modules/world-atlas/countries-110m.json \
        country_data.tsv mercwatch/site/geometry/world.json

Writes, per ISO 3166-1 alpha-2 code, an SVG path in an Equal Earth projection (viewBox
0 0 960 470, integer coordinates) and the country's UN M49 region. See docs/site.md.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import pycountry

WIDTH, HEIGHT = 960, 470
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Give the Equal Earth projection of a point (Šavrič, Patterson, Jenny 2018), unscaled."""
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(lon) * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
Y_MAX = equal_earth(0, 90)[1]
SCALE = min(WIDTH / (2 * X_MAX), HEIGHT / (2 * Y_MAX))


def to_svg(lon: float, lat: float) -> tuple[int, int]:
    x, y = equal_earth(lon, lat)
    return round(WIDTH / 2 + x * SCALE), round(HEIGHT / 2 - y * SCALE)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Give each arc as absolute longitude/latitude points (TopoJSON is delta-quantised)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[int, int]]:
    lonlat: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        lonlat.extend(arc[1:] if lonlat else arc)
    # A ring that crosses the antimeridian (Russia's Chukotka, Fiji) would draw a line across
    # the whole map: fold the far side onto the ±180° edge of the ring's own hemisphere.
    east = sum(lon for lon, _lat in lonlat) >= 0
    folded = [
        (180.0 if east and lon < -90 else -180.0 if not east and lon > 90 else lon, lat)
        for lon, lat in lonlat
    ]
    return [to_svg(lon, lat) for lon, lat in folded]


def path(arcs: list[list[tuple[float, float]]], geometry: dict) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    parts = []
    for polygon in polygons:
        for indexes in polygon:
            points = ring(arcs, indexes)
            deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(deduped) < 3:
                continue
            head, *rest = deduped
            parts.append(f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in rest) + "Z")
    return "".join(parts)


def main(topo_path: str, regions_path: str, out_path: str) -> None:
    topo = json.loads(Path(topo_path).read_text())
    arcs = decode_arcs(topo)
    with open(regions_path, encoding="utf-8") as handle:
        regions = {row["ISO3"]: row["continent"] for row in csv.DictReader(handle, delimiter="\t")}
    countries: dict[str, dict[str, str]] = {}
    for country in pycountry.countries:
        region = regions.get(country.alpha_3, "")
        countries[country.alpha_2] = {"region": region, "d": ""}
    for geometry in topo["objects"]["countries"]["geometries"]:
        found = (
            pycountry.countries.get(numeric=geometry.get("id", "")) if "id" in geometry else None
        )
        if found is None or geometry["type"] not in {"Polygon", "MultiPolygon"}:
            continue
        countries[found.alpha_2]["d"] = path(arcs, geometry)
    out = {
        "source": {
            "geometry": "world-atlas 2.0.2 (npm), countries-110m.json: Natural Earth 1:110m "
            "Admin 0 countries, public domain; world-atlas by Mike Bostock, ISC licence",
            "regions": "UN M49 continents as packaged in country_converter 1.3.2 (PyPI), "
            "country_data.tsv column 'continent', joined on ISO 3166-1 alpha-3",
            "projection": "Equal Earth",
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
        },
        "countries": dict(sorted(countries.items())),
    }
    Path(out_path).write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
