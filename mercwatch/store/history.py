"""A record's history, read from django-simple-history's tables: every revision that touched
the record or the rows it holds (a measure's events, links, targets and citations…), newest
first, with who, when, why (reason and label) and each field before and after.

A deleted record keeps its history: the last state its rows had, and the deletion as a step.
Steps are grouped by the revision (store.models.Revision) that made their historical rows;
rows written before revisions were kept are grouped by their reason, user and minute.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.forms.models import model_to_dict

from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.market.models import Product, Relationship
from mercwatch.store.models import Revision, RevisionRow
from mercwatch.store.revisions import credited, shown_credit
from mercwatch.tracker.models import (
    Actor,
    Alias,
    Citation,
    Framework,
    Link,
    Measure,
    MeasureEvent,
    Membership,
    Override,
    Provision,
    Source,
    Target,
)

HIDDEN = {"position"}  # the order of rows in their file: not a change readers follow


@dataclass(frozen=True)
class Kind:
    """A kind of record: its model, the fields that name one, and the models of the rows it
    holds, each with the field that names its holder."""

    model: type[models.Model]
    keys: tuple[str, ...]
    parts: tuple[tuple[type[models.Model], str], ...] = ()


KINDS: dict[str, Kind] = {
    "actor": Kind(
        Actor, ("id",), ((Alias, "actor_id"), (Product, "vendor_id"), (Citation, "actor_id"))
    ),
    "measure": Kind(
        Measure,
        ("id",),
        (
            (MeasureEvent, "measure_id"),
            (Link, "measure_id"),
            (Target, "measure_id"),
            (Citation, "measure_id"),
        ),
    ),
    "source": Kind(Source, ("id",)),
    "provision": Kind(Provision, ("code",)),
    "framework": Kind(Framework, ("id",), ((Citation, "framework_id"),)),
    "membership": Kind(Membership, ("actor_id", "framework_id"), ((Citation, "membership_id"),)),
    "relationship": Kind(
        Relationship, ("subject_id", "kind", "object_id"), ((Citation, "relationship_id"),)
    ),
    "override": Kind(Override, ("actor_id", "provision_id"), ((Citation, "override_id"),)),
}


@dataclass(frozen=True)
class Entry:
    """What one step did to one row: `action` is added, changed or deleted; `values` the row's
    fields after the step (before it, for a deletion); `changes` (field, before, after)."""

    model: str  # the row's model, lower case ("measure", "link")
    action: str
    values: dict[str, Any]
    changes: tuple[tuple[str, Any, Any], ...]
    own: bool  # a row of the record itself, not one it holds


@dataclass(frozen=True)
class Step:
    """One revision as the record saw it."""

    at: dt.datetime
    by: str  # as readers see it: a name, or "an editor"
    reason: str
    label: str  # a ChangeLabel ("" for a write made before labels were kept)
    entries: tuple[Entry, ...]

    @property
    def retracts(self) -> bool:
        """Tell whether the step deleted the record itself (a retraction, whatever it says)."""
        return any(e.own and e.action == "deleted" for e in self.entries)

    @property
    def shown_label(self) -> str:
        return ChangeLabel.RETRACTION.value if self.retracts else self.label


@dataclass(frozen=True)
class RecordHistory:
    kind: str
    key: dict[str, Any]  # the fields that name it
    state: dict[str, Any]  # the other fields of the record's last row
    deleted: bool  # the last step deleted it
    steps: tuple[Step, ...]  # newest first


def history(kind: str, key: dict[str, str]) -> RecordHistory | None:
    """Give the history of the record of `kind` named by `key` (its `Kind.keys`), or None
    when no such record was ever written."""
    spec = KINDS[kind]
    own = list(_rows(spec.model, key))
    if not own:
        return None
    pk = spec.model._meta.pk.attname
    held = {getattr(row, pk) for row in own}
    rows: list[tuple[Any, bool, str]] = [(r, True, "") for r in own]
    for model, owner in spec.parts:
        rows += [(r, False, owner) for r in _rows(model, {f"{owner}__in": held})]
    entries = _entries(rows)
    revisions = _revisions([row for row, _entry in entries])
    steps: dict[Any, list[tuple[Any, Entry]]] = defaultdict(list)
    for row, entry in entries:
        steps[_step_key(row, revisions)].append((row, entry))
    made = [_step(found, revisions) for found in steps.values()]
    last = own[-1]
    return RecordHistory(
        kind,
        {name: getattr(last, name) for name in spec.keys},
        _values(last),
        last.history_type == "-",
        tuple(sorted(made, key=lambda s: s.at, reverse=True)),
    )


def _rows(model: type[models.Model], lookup: dict[str, Any]) -> list[Any]:
    historical = model.history.model  # type: ignore[attr-defined]
    found = historical.objects.filter(**lookup).select_related("history_user")
    return list(found.order_by("history_date", "history_id"))


def _fields(row: Any, owner: str) -> list[str]:
    # The record's own key names it in the page's address; a row's order and holder go unsaid;
    # a field its model marks private (`PRIVATE_FIELDS`: a contact, a victim's name) never shows.
    model = row.instance_type
    private = set(getattr(model, "PRIVATE_FIELDS", ()))
    hidden = HIDDEN | private | {owner.removesuffix("_id"), model._meta.pk.name}
    return [f.name for f in row.tracked_fields if f.editable and f.name not in hidden]


def _values(row: Any, owner: str = "") -> dict[str, Any]:
    names = _fields(row, owner)
    found: dict[str, Any] = model_to_dict(row, fields=names)
    return {name: found.get(name) for name in names}


def _entries(rows: list[tuple[Any, bool, str]]) -> list[tuple[Any, Entry]]:
    """Give each historical row's entry: what it did, against the row of the same record
    before it."""
    previous: dict[tuple[str, Any], Any] = {}
    found = []
    for row, own, owner in rows:
        name = row.instance_type._meta.model_name
        identity = (name, getattr(row, row.instance_type._meta.pk.attname))
        before = previous.get(identity)
        previous[identity] = row
        values = _values(row, owner)
        if row.history_type == "-":
            entry = Entry(name, "deleted", values, (), own)
        elif before is None or before.history_type == "-":
            changes = tuple((f, None, v) for f, v in values.items() if v not in (None, "", []))
            entry = Entry(name, "added", values, changes, own)
        else:
            delta = row.diff_against(before, included_fields=list(values))
            changes = tuple((c.field, c.old, c.new) for c in delta.changes)
            if not changes:
                continue  # saved as it was: nothing to show
            entry = Entry(name, "changed", values, changes, own)
        found.append((row, entry))
    return found


def _revisions(rows: list[Any]) -> dict[tuple[str, int], Revision]:
    """Give the revision that made each historical row, where one was kept."""
    by_model: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        by_model[row._meta.label_lower].append(row.history_id)
    found: dict[tuple[str, int], Revision] = {}
    for model, ids in by_model.items():
        links = RevisionRow.objects.filter(model=model, history_id__in=ids)
        for link in links.select_related("revision__user"):
            found[(model, link.history_id)] = link.revision
    return found


def _step_key(row: Any, revisions: dict[tuple[str, int], Revision]) -> Any:
    revision = revisions.get((row._meta.label_lower, row.history_id))
    if revision is not None:
        return ("revision", revision.pk)
    minute = row.history_date.replace(second=0, microsecond=0)
    return ("row", row.history_change_reason or "", row.history_user_id, minute)


def _step(found: list[tuple[Any, Entry]], revisions: dict[tuple[str, int], Revision]) -> Step:
    row = found[0][0]
    revision = revisions.get((row._meta.label_lower, row.history_id))
    entries = tuple(sorted((e for _r, e in found), key=lambda e: not e.own))
    if revision is not None:
        return Step(revision.at, shown_credit(revision), revision.reason, revision.label, entries)
    by = credited(row.history_user) or shown_credit(None)
    return Step(row.history_date, by, row.history_change_reason or "", "", entries)


def latest_labels(measure_ids: set[str]) -> dict[str, str]:
    """Give the label of the latest revision that changed each measure or one of its links
    (what moves a level), for the measures that have one."""
    found: dict[str, tuple[int, str]] = {}
    for model, owner in ((Measure, "id"), (Link, "measure_id")):
        historical = model.history.model
        rows = dict(
            historical.objects.filter(**{f"{owner}__in": measure_ids}).values_list(
                "history_id", owner
            )
        )
        made = RevisionRow.objects.filter(
            model=historical._meta.label_lower, history_id__in=list(rows)
        ).values_list("history_id", "revision_id", "revision__label")
        for history_id, revision_id, label in made:
            measure = rows[history_id]
            if measure not in found or found[measure][0] < revision_id:
                found[measure] = (revision_id, label)
    return {measure: label for measure, (_id, label) in found.items()}
