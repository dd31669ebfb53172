"""The canonical data of a snapshot: one deterministic JSON document of every record, its
SHA-256, and the snapshot read back from it.

The records are those `mercwatch dump` writes, by data file (each file's entries as its model
gives them, defaults left out; a methodology as its text; the imported inventories' listings
in their own files). Keys are sorted, files by path and
entries in file order, so the same data always gives the same bytes and the same hash.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from mercwatch.tracker.loader.dump import _plain
from mercwatch.tracker.loader.records import file_models
from mercwatch.tracker.loader.validate import check_texts
from mercwatch.tracker.loader.yamlio import write_yaml
from mercwatch.tracker.snapshot import Snapshot

FORMAT = 1  # the canonical document's layout; a change of layout gives a new number
SHORT = 8  # hex digits of the hash in an edition's identifier


class CanonicalError(ValueError):
    """Canonical data that does not read back as a valid snapshot."""


def canonical(snapshot: Snapshot) -> bytes:
    """Give the canonical JSON of every record of `snapshot`."""
    files: dict[str, Any] = {}
    for path, model in file_models(snapshot).items():
        if isinstance(model, str):
            files[path] = model
        else:
            files[path] = _plain(model.model_dump(mode="json", exclude_defaults=True))
    document = {"format": FORMAT, "files": files}
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def digest(data: bytes) -> str:
    """Give the SHA-256 of canonical data, in hex."""
    return hashlib.sha256(data).hexdigest()


def snapshot_of(data: bytes) -> Snapshot:
    """Give the snapshot canonical data holds, checked as a data directory is."""
    document = json.loads(data.decode("utf-8"))
    if document.get("format") != FORMAT:
        raise CanonicalError(f"canonical data of format {document.get('format')!r}, not {FORMAT}")
    texts = {
        path: record if isinstance(record, str) else write_yaml(record)
        for path, record in document["files"].items()
    }
    checked = check_texts(texts)
    if checked.errors:
        raise CanonicalError("; ".join(str(e) for e in checked.errors[:5]))
    return checked.snapshot
