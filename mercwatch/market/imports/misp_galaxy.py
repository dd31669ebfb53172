"""The MISP galaxy's `surveillance-vendor` cluster as listings (imported candidates).

The PyPI package `pymispgalaxies` ships the cluster's JSON (data under CC0 1.0 or BSD-2, as
the galaxy says). Each entry becomes a `Listing` keyed by its UUID: `value` its name,
`meta.synonyms` its aliases, `meta.refs` its URLs (secondary sources), `meta.official-refs` its
web sites, `meta.country` its country code, and each `related` edge to another entry of the
cluster a tie – with one of our relationship kinds where one fits, the likelihood tag as its
confidence, and the galaxy's own word kept as its note. Edges to other clusters are left out
(counted).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mercwatch.market.imports.errors import BadInput
from mercwatch.tracker.loader.errors import reasons
from mercwatch.tracker.loader.records import listing as listing_record
from mercwatch.tracker.loader.schemas import ListingEntry
from mercwatch.tracker.snapshot import Listing
from mercwatch.tracker.validator import dotted

INVENTORY = "misp-galaxy"
TITLE = "the MISP galaxy"
CLUSTER = "surveillance-vendor"

# The galaxy's relationship words, as "subject <word> object", and our kind where one fits.
KINDS = {
    "part-of": "part-of",
    "subsidiary-of": "subsidiary",
    "is-acquired-by": "subsidiary",
    "acquires": "owner",
    "owns": "owner",
    "successor-of": "successor",
    "founded-by": "",
}
LIKELIHOOD = re.compile(r'^estimative-language:likelihood-probability="([^"]+)"$')


def default_path() -> Path:
    """Give the cluster file shipped in `pymispgalaxies`."""
    import pymispgalaxies

    root = Path(pymispgalaxies.__file__).parent / "data" / "misp-galaxy" / "clusters"
    return root / f"{CLUSTER}.json"


def package_version() -> str:
    from importlib.metadata import version

    return version("pymispgalaxies")


@dataclass(frozen=True)
class Galaxy:
    """The cluster as read: its version, its entries, and the ties it left out."""

    version: str
    listings: dict[str, Listing]
    outside_ties: int


def read_galaxy(path: Path) -> Galaxy:
    """Read the cluster at `path`, or raise BadInput naming the file and every bad entry."""
    shown = str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(shown, [f"cannot read the file: {exc}"]) from None
    except json.JSONDecodeError as exc:
        raise BadInput(shown, [f"line {exc.lineno}: not JSON: {exc.msg}"]) from None
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        raise BadInput(shown, ["expected a MISP galaxy cluster: an object with a 'values' list"])
    values: list[Any] = document["values"]
    problems: list[str] = []
    keys = {v.get("uuid") for v in values if isinstance(v, dict)}
    entries: dict[str, Listing] = {}
    outside = 0
    for index, value in enumerate(values):
        where = _entry_name(index, value)
        if not isinstance(value, dict):
            problems.append(f"{where}: expected an object")
            continue
        if not isinstance(value.get("uuid"), str) or not value["uuid"].strip():
            problems.append(f"{where}: no uuid")
            continue
        if not isinstance(value.get("value"), str) or not value["value"].strip():
            problems.append(f"{where}: no name (value)")
            continue
        ties = []
        for edge in value.get("related") or []:
            if not isinstance(edge, dict) or edge.get("dest-uuid") not in keys:
                outside += 1
                continue
            ties.append(_tie(edge))
        meta = value.get("meta") or {}
        entry = {
            "id": value["uuid"],
            "name": value["value"].strip(),
            "aliases": _unique(meta.get("synonyms"), exclude=value["value"].strip()),
            "country": str(meta["country"]).strip().upper() if meta.get("country") else None,
            "description": (value.get("description") or "").strip(),
            "urls": _unique(meta.get("refs")),
            "websites": _unique(meta.get("official-refs")),
            "ties": ties,
        }
        try:
            model = ListingEntry.model_validate(entry)
        except ValidationError as exc:
            problems.extend(f"{where}: {dotted(loc)}: {reason}" for loc, reason in reasons(exc))
            continue
        if model.id in entries:
            problems.append(f"{where}: uuid given twice")
            continue
        entries[model.id] = listing_record(model, INVENTORY)
    if problems:
        raise BadInput(shown, problems)
    return Galaxy(str(document.get("version", "")), entries, outside)


def _entry_name(index: int, value: Any) -> str:
    if isinstance(value, dict):
        for label in (value.get("value"), value.get("uuid")):
            if isinstance(label, str) and label.strip():
                return f"entry {index + 1} ({label.strip()!r})"
    return f"entry {index + 1}"


def _unique(items: Any, *, exclude: str = "") -> list[str]:
    out: list[str] = []
    for item in items or []:
        if isinstance(item, str):
            item = item.strip()
            if item and item != exclude and item not in out:
                out.append(item)
    return out


def _tie(edge: dict[str, Any]) -> dict[str, str]:
    word = str(edge.get("type", "")).strip()
    confidence = ""
    for tag in edge.get("tags") or []:
        found = LIKELIHOOD.match(str(tag))
        if found:
            confidence = found.group(1)
    return {
        "kind": KINDS.get(word, ""),
        "object": str(edge["dest-uuid"]),
        "confidence": confidence,
        "note": f"{TITLE}: {word}",
    }
