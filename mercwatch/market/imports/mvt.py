"""The MVT project's `indicators.yaml` (MIT) as index entries: each collection's name, the
organisations its `sources` name, its `references` (report URLs) and the date its folder's
name gives (`2023-04-11_quadream/…`); the indicators themselves are never read."""

from __future__ import annotations

from pathlib import Path

import yaml

from mercwatch.market.imports.errors import BadInput
from mercwatch.market.imports.findings import DATED, Entry, check_reports


def read_index(path: Path) -> list[Entry]:
    shown = str(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(shown, [f"cannot read the file: {exc}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise BadInput(shown, [f"{line}not YAML: {exc}"]) from None
    if not isinstance(document, dict) or not isinstance(document.get("indicators"), list):
        raise BadInput(shown, ["expected a mapping with an 'indicators' list"])
    entries = []
    problems = []
    for index, item in enumerate(document["indicators"]):
        label = f"entry {index + 1}"
        if not isinstance(item, dict):
            problems.append(f"{label}: expected a mapping")
            continue
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{label}: no name")
            continue
        label = f"entry {index + 1} ({name.strip()!r})"
        orgs = item.get("sources") or []
        if not isinstance(orgs, list) or not all(isinstance(o, str) for o in orgs):
            problems.append(f"{label}: sources: expected a list of organisations")
            continue
        try:
            reports = check_reports(item.get("references"), label, shown)
        except BadInput as exc:
            problems.extend(exc.problems)
            continue
        folder = str((item.get("github") or {}).get("path") or "")
        dated = DATED.match(folder)
        entries.append(
            Entry(
                "mvt",
                name.strip(),
                tuple(dict.fromkeys(o.strip() for o in orgs if o.strip())),
                reports,
                dated.group(1).replace("_", "-") if dated else None,
                label,
            )
        )
    if problems:
        raise BadInput(shown, problems)
    return entries
