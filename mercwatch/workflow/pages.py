"""What the edition pages, their JSON twins and the API show of editions and of their diff:
names and sentences for readers, identifiers for machines."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mercwatch.tracker.snapshot import Snapshot
from mercwatch.workflow import editions
from mercwatch.workflow.diff import Diff, FieldChange
from mercwatch.workflow.models import FrozenEdition

FIELDS = {
    "title": gettext_lazy("Title"),
    "summary": gettext_lazy("Summary"),
    "date": gettext_lazy("Date"),
    "type": gettext_lazy("Type"),
    "events": gettext_lazy("Lifecycle"),
    "sources": gettext_lazy("Sources"),
    "targets": gettext_lazy("Targets"),
    "links": gettext_lazy("Links to provisions"),
    "note": gettext_lazy("Note"),
    "actor": gettext_lazy("Actor"),
    "family": gettext_lazy("File"),
}
DIRECTIONS = {
    "rose": gettext_lazy("rose"),
    "fell": gettext_lazy("fell"),
    "changed": gettext_lazy("changed"),
}
CHANGES = {
    "added": gettext_lazy("added"),
    "changed": gettext_lazy("changed"),
    "retracted": gettext_lazy("retracted"),
}


def edition_url(edition: FrozenEdition, fmt: str = "/") -> str:
    return reverse("site:editions:edition", kwargs={"edition_id": edition.pk, "fmt": fmt})


def diff_url(before: FrozenEdition, after: FrozenEdition, fmt: str = "/") -> str:
    kwargs = {"before": before.pk, "after": after.pk, "fmt": fmt}
    return reverse("site:editions:diff", kwargs=kwargs)


def file_url(edition: FrozenEdition, filename: str) -> str:
    kwargs = {"edition_id": edition.pk, "filename": filename}
    return reverse("site:editions:file", kwargs=kwargs)


def as_record(edition: FrozenEdition, base: str) -> dict[str, Any]:
    """Give an edition as its JSON twin and the API give it."""
    previous = editions.previous_of(edition)
    return {
        "id": edition.pk,
        "title": edition.title,
        "date": edition.day.isoformat(),
        "methodology": edition.methodology,
        "notes": edition.notes,
        "sha256": edition.sha256,
        "record": edition.view or None,
        "frozen": edition.frozen_at.isoformat(timespec="seconds"),
        "published": None
        if edition.published_at is None
        else edition.published_at.isoformat(timespec="seconds"),
        "retractions": list(edition.retractions),
        "url": base + edition_url(edition),
        "citation": editions.citation(edition, base + edition_url(edition)),
        "previous": None if previous is None else previous.pk,
        "diff_from_previous": None if previous is None else base + diff_url(previous, edition),
        "files": [
            {
                "format": f.format,
                "filename": f.filename,
                "media_type": f.media_type,
                "size": f.size,
                "sha256": f.sha256,
                "url": base + file_url(edition, f.filename),
            }
            for f in edition.files.defer("content")
        ],
    }


def _actor(data: Snapshot, key: str) -> str:
    actor = data.actors.get(key)
    return actor.name if actor is not None else _("a record no longer held")


def _provision(data: Snapshot, code: str) -> str:
    p = data.provisions.get(code)
    return f"{p.number}. {p.title}" if p is not None else _("a provision no longer held")


def _value(value: Any) -> str | None:
    """Give a field's value as a reader reads it, or None for a list or a record (said to
    have changed, its parts shown on the measure's page)."""
    if value is None:
        return "–"
    if isinstance(value, str | int | float):
        return str(value)
    return None


def _field(change: FieldChange) -> dict[str, Any]:
    before, after = _value(change.before), _value(change.after)
    shown = before is not None and after is not None
    return {
        "label": FIELDS.get(change.field, change.field),
        "before": before if shown else "",
        "after": after if shown else "",
        "shown": shown,
    }


def diff_rows(found: Diff) -> dict[str, Any]:
    """Give a diff as the page shows it: names, labels, reasons."""
    new, old = found.after.whole, found.before.whole
    statuses = [
        {
            "direction": DIRECTIONS[st.direction],
            "rose": st.direction == "rose",
            "actor": _actor(new, st.actor) if st.actor in new.actors else _actor(old, st.actor),
            "provision": _provision(new if st.provision in new.provisions else old, st.provision),
            "before": st.before.label if st.before else "–",
            "after": st.after.label if st.after else "–",
            "reasons": st.reasons,
        }
        for st in found.statuses
    ]
    measures = [
        {
            "change": CHANGES[m.change],
            "title": m.title,
            "actor": _actor(new if m.actor in new.actors else old, m.actor),
            "fields": [_field(f) for f in m.fields],
            "reasons": m.reasons,
        }
        for m in found.measures
    ]
    return {"statuses": statuses, "measures": measures, "counts": found.counts()}
