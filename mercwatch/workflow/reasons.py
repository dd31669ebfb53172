"""The reasons of the changes between two editions, from the revision log: each revision of a
measure (or of its events, links, targets and citations) kept between the two freezes, with the
reason the write path gave it (simple_history's `history_change_reason`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mercwatch.tracker.models import Citation, Link, Measure, MeasureEvent, Target
from mercwatch.workflow.diff import Reason, ReasonsOf
from mercwatch.workflow.models import FrozenEdition

_PARTS = ((Measure, "id"), (MeasureEvent, "measure_id"), (Link, "measure_id"),
          (Target, "measure_id"), (Citation, "measure_id"))  # fmt: skip


def label_of(revision: Any) -> str:
    """Give a revision's change label (new measure, correction, retraction…), "" if it has none.

    The hook for the change labels: a revision that carries one in `change_label` shows it in
    every diff, its page, its JSON, the API and the feed."""
    return str(getattr(revision, "change_label", "") or "")


def between(before: FrozenEdition, after: FrozenEdition) -> ReasonsOf:
    """Give the reasons of each measure's revisions made between the two editions' freezes."""
    start, end = sorted((before.frozen_at, after.frozen_at))
    found: dict[str, list[tuple[dt.datetime, Reason]]] = {}
    if start == end:
        return lambda _mid: ()
    for model, key in _PARTS:
        history = model.history.model
        rows = history.objects.filter(history_date__gt=start, history_date__lte=end).exclude(
            history_change_reason__isnull=True
        )
        if key != "id":
            rows = rows.exclude(**{f"{key}__isnull": True})
        for row in rows.order_by("history_date", "history_id"):
            text = (row.history_change_reason or "").strip()
            if text:
                when = row.history_date
                reason = Reason(text, label_of(row), when.isoformat(timespec="seconds"))
                found.setdefault(str(getattr(row, key)), []).append((when, reason))

    def reasons(measure: str) -> tuple[Reason, ...]:
        ordered = sorted(found.get(measure, ()), key=lambda pair: pair[0])
        unique: dict[tuple[str, str], Reason] = {}
        for _when, r in ordered:
            unique.setdefault((r.text, r.label), r)
        return tuple(unique.values())

    return reasons
