"""Writing exports: one format to a path, or every format of an edition for the Downloads page."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.registry import exporters
from mercwatch.exports.zipfiles import zip_dir

MANIFEST = "manifest.json"


def export(bundle: Bundle, name: str, out: Path) -> None:
    """Write `bundle` in the format `name` to `out` (a directory for csv and datapackage)."""
    exporters()[name].write(bundle, out)


@dataclass(frozen=True)
class Download:
    """One file on the Downloads page."""

    format: str
    title: str
    filename: str
    media_type: str
    size: int
    sha256: str


def build_downloads(bundle: Bundle, root: Path) -> list[Download]:
    """Write every format of `bundle` into `root/<label>/` (directories zipped) with a manifest."""
    target = root / bundle.label
    remove_downloads(root, bundle.label)  # no file of an earlier build stays behind
    target.mkdir(parents=True, exist_ok=True)
    found = []
    for name, exporter in exporters().items():
        filename = exporter.filename_for(bundle.label)
        if exporter.directory:
            with tempfile.TemporaryDirectory() as tmp:
                exporter.write(bundle, Path(tmp) / "out")
                payload = zip_dir(Path(tmp) / "out")
            (target / filename).write_bytes(payload)
        else:
            exporter.write(bundle, target / filename)
            payload = (target / filename).read_bytes()
        media = "application/zip" if exporter.directory else exporter.media_type
        digest = hashlib.sha256(payload).hexdigest()
        title = str(exporter.title)
        found.append(Download(name, title, filename, media, len(payload), digest))
    manifest = [d.__dict__ for d in found]
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return found


def read_downloads(root: Path, label: str) -> list[Download]:
    """Give the files built for `label`, or an empty list when none were built."""
    path = root / label / MANIFEST
    if not path.is_file():
        return []
    return [Download(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def remove_downloads(root: Path, label: str) -> None:
    shutil.rmtree(root / label, ignore_errors=True)
