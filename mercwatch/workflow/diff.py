"""The one diff of two editions: statuses (actor × provision levels) that rose or fell, and
measures added, changed (field by field) or retracted, each with its reasons.

Each side is an edition's bundle – its stored data, the records known at its date, assessed
at that date by its methodology – so two editions of the same data at two dates differ by what
happened between the dates, and two of the same date by what was recorded between the freezes.
The reasons come from a function given by the caller (workflow/reasons.py reads them from the
revision log); the diff itself reads no database.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mercwatch.exports.bundle import Bundle
from mercwatch.tracker.derive import Assessment
from mercwatch.tracker.snapshot import Measure, as_json


@dataclass(frozen=True)
class Reason:
    """Why a record changed, as its revision says: the text and (when given) its label."""

    text: str
    label: str = ""  # new measure, correction, retraction…: the revision's change label
    when: str = ""  # ISO date and time of the revision

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "label": self.label, "when": self.when}


# The reasons for the changes of one measure between the two sides: (measure ID) → reasons.
ReasonsOf = Callable[[str], tuple[Reason, ...]]


def no_reasons(_measure: str) -> tuple[Reason, ...]:
    return ()


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class MeasureChange:
    """A measure added, changed or retracted between the two sides."""

    change: str  # added, changed, retracted
    measure: str
    actor: str
    title: str
    fields: tuple[FieldChange, ...] = ()
    reasons: tuple[Reason, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "change": self.change,
            "measure": self.measure,
            "actor": self.actor,
            "title": self.title,
            "fields": [f.as_dict() for f in self.fields],
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class StatusChange:
    """A cell whose level differs between the two sides."""

    direction: str  # rose, fell, changed (the same score: another methodology's level)
    actor: str
    provision: str
    before: Assessment | None
    after: Assessment | None
    measures: tuple[str, ...] = ()  # the changed measures of the actor linked to the provision
    reasons: tuple[Reason, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        def level(a: Assessment | None) -> dict[str, Any] | None:
            return None if a is None else {"level": a.level, "label": a.label, "score": a.score}

        return {
            "direction": self.direction,
            "actor": self.actor,
            "provision": self.provision,
            "before": level(self.before),
            "after": level(self.after),
            "measures": list(self.measures),
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass(frozen=True)
class Diff:
    before: Bundle
    after: Bundle
    statuses: tuple[StatusChange, ...] = ()
    measures: tuple[MeasureChange, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        found = {"rose": 0, "fell": 0, "changed": 0, "added": 0, "retracted": 0}
        found["measures_changed"] = 0
        for st in self.statuses:
            found[st.direction] += 1
        for m in self.measures:
            found["measures_changed" if m.change == "changed" else m.change] += 1
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "from_edition": self.before.label,
            "to_edition": self.after.label,
            "statuses": [x.as_dict() for x in self.statuses],
            "measures": [x.as_dict() for x in self.measures],
        }


def diff(before: Bundle, after: Bundle, reasons: ReasonsOf = no_reasons) -> Diff:
    """Give what changed from the edition `before` to the edition `after`."""
    measures = _measures(before.data.measures, after.data.measures, reasons)
    changed = {m.measure: m for m in measures}
    statuses = _statuses(before, after, changed)
    return Diff(before, after, tuple(statuses), tuple(measures))


def _measures(old: Any, new: Any, reasons: ReasonsOf) -> list[MeasureChange]:
    found = []
    for mid, m in new.items():
        if mid not in old:
            found.append(MeasureChange("added", mid, m.actor, m.title, reasons=reasons(mid)))
        else:
            fields = _fields(old[mid], m)
            if fields:
                found.append(MeasureChange("changed", mid, m.actor, m.title, fields, reasons(mid)))
    for mid, m in old.items():
        if mid not in new:
            found.append(MeasureChange("retracted", mid, m.actor, m.title, reasons=reasons(mid)))
    return sorted(found, key=lambda c: (c.actor, c.measure))


def _fields(old: Measure, new: Measure) -> tuple[FieldChange, ...]:
    a, b = as_json(old), as_json(new)
    return tuple(
        FieldChange(name, a.get(name), b.get(name))
        for name in sorted(set(a) | set(b))
        if _same(a.get(name)) != _same(b.get(name))
    )


def _same(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _statuses(
    before: Bundle, after: Bundle, changed: dict[str, MeasureChange]
) -> list[StatusChange]:
    old = {(a.actor, a.provision): a for a in before.assessments}
    new = {(a.actor, a.provision): a for a in after.assessments}
    found = []
    for key in sorted(set(old) | set(new)):
        was, now = old.get(key), new.get(key)
        if was is not None and now is not None and was.level == now.level:
            continue
        if was is None or now is None:
            continue  # a cell that is not assessed on one side: its actor or provision went
        direction = _direction(was, now)
        behind = tuple(
            mid
            for mid, m in sorted(changed.items())
            if m.actor == key[0] and _links(before, after, mid, key[1])
        )
        why = tuple(dict.fromkeys(r for mid in behind for r in changed[mid].reasons))
        found.append(StatusChange(direction, key[0], key[1], was, now, behind, why))
    return found


def _direction(was: Assessment, now: Assessment) -> str:
    a = -1 if was.score is None else was.score
    b = -1 if now.score is None else now.score
    return "rose" if b > a else "fell" if b < a else "changed"


def _links(before: Bundle, after: Bundle, measure: str, provision: str) -> bool:
    """Tell whether `measure` is linked to `provision` on either side."""
    for bundle in (before, after):
        m = bundle.data.measures.get(measure)
        if m is not None and any(link.provision == provision for link in m.links):
            return True
    return False
