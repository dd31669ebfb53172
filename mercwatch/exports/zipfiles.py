"""Deterministic zip archives: fixed entry times, a fixed order, no host-specific fields."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    return info


def rezip(data: bytes, fix: Callable[[str, bytes], bytes] | None = None) -> bytes:
    """Give the zip archive `data` rewritten with fixed entry times, entries in the same order.

    `fix(name, content)`, when given, rewrites an entry's content (a time stamp, say).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            dst.writestr(_entry(item.filename), fix(item.filename, content) if fix else content)
    return out.getvalue()


def zip_dir(root: Path) -> bytes:
    """Give a zip of every file under `root`, sorted by path, with fixed entry times."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            dst.writestr(_entry(path.relative_to(root).as_posix()), path.read_bytes())
    return out.getvalue()
