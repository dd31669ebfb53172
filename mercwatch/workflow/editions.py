"""Freezing an edition: the canonical data of the database's state, and every export built from
that stored data, kept through the write path; and reading a frozen edition back.

A frozen edition's data, identifier and files never change (workflow/models.py refuses it):
later corrections show in the next edition and in the records' history.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.services import build_downloads
from mercwatch.store import current
from mercwatch.store.writes import apply
from mercwatch.tracker import snapshot as s
from mercwatch.workflow.canonical import SHORT, canonical, digest, snapshot_of
from mercwatch.workflow.models import EditionFile, FrozenEdition

AUTHORS = "mercwatch contributors"


class EditionError(ValueError):
    """A freeze or a publication that cannot be made, with the reason in its message."""


@dataclass(frozen=True)
class Built:
    """One export file of an edition, as built: what the Downloads page lists, and its bytes."""

    format: str
    filename: str
    media_type: str
    sha256: str
    content: bytes


def identifier(day: dt.date, sha256: str) -> str:
    """Give an edition's citable identifier: its date and the start of its data's hash."""
    return f"{day.isoformat()}-{sha256[:SHORT]}"


def freeze(
    *,
    title: str,
    notes: str = "",
    day: dt.date | None = None,
    view: str = "",
    user: Any = None,
) -> FrozenEdition:
    """Freeze the database's state now as an edition of `day` (today by default), stored with
    its exports; an edition record `view` (data/editions.yaml) gives its date and methodology."""
    data = current.current_snapshot()
    methodology = current.methodology(data).version
    if view:
        record = next((e for e in data.editions if e.id == view), None)
        if record is None:
            raise EditionError(f"no edition record {view!r} to freeze")
        day, methodology = record.as_of, record.methodology
    day = day or dt.date.today()
    if not title.strip():
        raise EditionError("an edition needs a title")
    if day > dt.date.today():
        raise EditionError(f"{day.isoformat()} is in the future: an edition is of a past day")
    body = canonical(data)
    sha = digest(body)
    ident = identifier(day, sha)
    if FrozenEdition.objects.filter(pk=ident).exists():
        raise EditionError(f"this data was frozen already as the edition {ident} of that day")
    record_of = s.Edition(ident, title, day, day, methodology, notes)
    built = build_files(Bundle(snapshot_of(body), day, methodology, record_of))

    def change() -> FrozenEdition:
        edition = FrozenEdition.objects.create(
            id=ident,
            title=title,
            day=day,
            methodology=methodology,
            notes=notes,
            view=view,
            canonical=body.decode("utf-8"),
            sha256=sha,
            frozen_at=timezone.now(),
            frozen_by=user,
        )
        for position, item in enumerate(built):
            EditionFile.objects.create(
                edition=edition,
                position=position,
                format=item.format,
                filename=item.filename,
                media_type=item.media_type,
                size=len(item.content),
                sha256=item.sha256,
                content=item.content,
            )
        return edition

    return apply(change, reason=f"Freeze the edition {ident}", user=user)


def build_files(bundle: Bundle) -> list[Built]:
    """Give every format of `bundle` as the Downloads page builds it, in the registry's order."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        found = build_downloads(bundle, root)
        return [
            Built(
                d.format,
                d.filename,
                d.media_type,
                d.sha256,
                (root / bundle.label / d.filename).read_bytes(),
            )
            for d in found
        ]


def stored_snapshot(edition: FrozenEdition) -> s.Snapshot:
    """Give the snapshot an edition stored (never today's data)."""
    return snapshot_of(edition.canonical.encode("utf-8"))


def bundle_of(edition: FrozenEdition) -> Bundle:
    """Give what an edition's exports are of: its stored data, at its date, by its methodology."""
    record = s.Edition(
        edition.id, edition.title, edition.day, edition.day, edition.methodology, edition.notes
    )
    return Bundle(stored_snapshot(edition), edition.day, edition.methodology, record)


def published() -> QuerySet[FrozenEdition]:
    """Give the published editions, oldest first."""
    return FrozenEdition.objects.filter(published_at__isnull=False).order_by(
        "day", "published_at", "id"
    )


def previous_of(edition: FrozenEdition) -> FrozenEdition | None:
    """Give the published edition before `edition` (by date, then publication), if any."""
    earlier = [e for e in published() if e.pk != edition.pk and e.day <= edition.day]
    return earlier[-1] if earlier else None


def find(key: str) -> FrozenEdition | None:
    """Give the edition an identifier names, or the last published freeze of an edition
    record (the bundled editions' IDs, which keep answering)."""
    found = FrozenEdition.objects.filter(pk=key).first()
    if found is not None:
        return found
    return published().filter(view=key).order_by("-published_at").first()


def citation(edition: FrozenEdition, url: str) -> dict[str, str]:
    """Give an edition's suggested citation: its parts, and as one sentence."""
    day = edition.day.isoformat()
    text = f"{AUTHORS}. {edition.title}. mercwatch, edition {edition.id}, {day}. {url}"
    return {
        "authors": AUTHORS,
        "title": edition.title,
        "date": day,
        "identifier": edition.id,
        "url": url,
        "text": text,
    }
