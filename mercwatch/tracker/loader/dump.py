"""Writing a snapshot in the data directory's layout, in canonical YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mercwatch.tracker.loader.records import file_models
from mercwatch.tracker.loader.yamlio import write_yaml
from mercwatch.tracker.snapshot import Snapshot

MANAGED = ("frameworks", "actors", "memberships", "sources", "measures", "methodology", "listings")


def _plain(value: Any) -> Any:
    """Write a citation with nothing but its source as the source's ID alone."""
    if isinstance(value, dict):
        out = {k: _plain(v) for k, v in value.items()}
        if "sources" in out and isinstance(out["sources"], list):
            out["sources"] = [
                c["source"] if isinstance(c, dict) and set(c) == {"source"} else c
                for c in out["sources"]
            ]
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _text(model: BaseModel | str) -> str:
    if isinstance(model, str):
        return model
    return write_yaml(_plain(model.model_dump(mode="json", exclude_defaults=True)))


def render_files(snapshot: Snapshot) -> dict[str, str]:
    """Give the text of every data file of `snapshot`, by path relative to the root."""
    return {path: _text(model) for path, model in file_models(snapshot).items()}


def dump_dir(root: Path, snapshot: Snapshot) -> tuple[int, int]:
    """Write every data file under `root`; remove data files no record needs.

    Gives (files written, files removed).
    """
    files = render_files(snapshot)
    removed = 0
    for sub in (*MANAGED, "overrides.yaml", "editions.yaml"):
        base = root / sub
        paths = [base] if base.is_file() else list(base.rglob("*.yaml")) if base.is_dir() else []
        for path in paths:
            if str(path.relative_to(root)) not in files:
                path.unlink()
                removed += 1
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files), removed
