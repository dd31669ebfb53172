"""The one exporter interface and the registry every format is listed in, once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.functional import Promise

from mercwatch.exports.bundle import Bundle


@dataclass(frozen=True)
class Exporter:
    """A format: its name, whether it writes a directory or a file, and how it writes."""

    name: str
    title: str | Promise  # what the Downloads page calls it, in the reader's language
    filename: str  # the file (or directory) name on the Downloads page, with `{label}`
    media_type: str
    write: Callable[[Bundle, Path], None]
    directory: bool = False

    def filename_for(self, label: str) -> str:
        """Give the name of the file of the export `label` (an edition's ID or a date)."""
        return self.filename.format(label=label) + (".zip" if self.directory else "")


REGISTRY: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    """Add `exporter` to the registry; a name can be registered only once."""
    if exporter.name in REGISTRY:
        raise ValueError(f"exporter {exporter.name!r} is already registered")
    REGISTRY[exporter.name] = exporter
    return exporter


def exporters() -> dict[str, Exporter]:
    """Give every registered format, by name, importing the format modules once."""
    from mercwatch.exports import formats  # noqa: F401  (registers each format)

    return REGISTRY
