"""The one write path: every change to the data goes through `apply`, checked before it lands.

`apply(change, reason=..., user=..., label=...)` runs `change` (ORM writes) in a savepoint of
the caller's transaction, checks the state it would leave – the files' schema for each record
it touched, then the validator over the whole snapshot – and either refuses it, with every
problem named by record and field and nothing written, or keeps it: each revision it made
carries the reason and the user, the data version moves on, a permanent `Revision` keeps
when, who, why (the reason and its label, `ChangeLabel`) and what it touched, and
`data_changed` is sent with the new snapshot. Without a label, the label is derived from what
the write did (`derived_label`). `mercwatch load`, the admin and the CLI write through it; a
save anywhere else is refused (`guard`).
"""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone
from pydantic import ValidationError
from simple_history.signals import post_create_historical_record

from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.store import current, revisions
from mercwatch.store.database import PATCHABLE, Unpatchable, patched, snapshot_from_db
from mercwatch.store.models import DataChange, DataVersion
from mercwatch.tracker.loader.errors import reasons
from mercwatch.tracker.loader.records import schema_problems
from mercwatch.tracker.loader.yamlio import YamlError
from mercwatch.tracker.signals import data_changed
from mercwatch.tracker.snapshot import Snapshot
from mercwatch.tracker.validator import Problem, validate

T = TypeVar("T")
DATA_APPS = ("tracker", "market", "workflow")


class Refused(Exception):
    """A change the checks refused; `problems` names each by record and field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class OutsideWritePath(RuntimeError):
    """A save or delete of a data record that did not go through `apply`."""


@dataclass
class _Write:
    reason: str
    user: Any
    touched: list[models.Model] = field(default_factory=list)
    created: set[str] = field(default_factory=set)  # the models it added rows of
    updated: set[str] = field(default_factory=set)  # ... changed rows of
    deleted: set[str] = field(default_factory=set)  # ... deleted rows of
    rows: list[tuple[str, int]] = field(default_factory=list)  # the historical rows it made


_active: contextvars.ContextVar[_Write | None] = contextvars.ContextVar("write", default=None)


def apply(
    change: Callable[[], T],
    *,
    reason: str,
    user: Any = None,
    checked: bool = True,
    label: str | None = None,
) -> T:
    """Make `change` in the caller's transaction if the state it leaves passes every check.

    `checked=False` is for a change made of a snapshot the validator has passed already
    (`mercwatch load`): the state it leaves is that snapshot. `label` (a `ChangeLabel`) says
    why, with the reason; without it, it is derived from what the change did.
    """
    if not reason.strip():
        raise ValueError("every change to the data needs a reason")
    if label is not None and label not in ChangeLabel.values:
        raise ValueError(f"label: expected one of {', '.join(ChangeLabel.values)}, got {label!r}")
    with transaction.atomic():
        # One writer at a time: PostgreSQL locks the version row until the transaction ends
        # (SQLite lets one writer in anyway), so two changes never check against the same state.
        version, _created = DataVersion.objects.select_for_update().get_or_create(id=1)
        base = current.current_snapshot() if checked else None  # the state before the change
        write = _Write(reason, user)
        token = _active.set(write)
        try:
            result = change()
        finally:
            _active.reset(token)
        if not write.touched:
            return result  # nothing was written: the version stays
        snapshot, problems = check(write.touched if checked else None, base)
        if problems:
            raise Refused(problems)  # leaving the savepoint undoes every write
        in_place = base is not None and snapshot is not None and _same_places(base, snapshot)
        records = {_record_of(obj) for obj in write.touched}
        after = bump()
        log(version, records, after, in_place=in_place)
        chosen = label or derived_label(write.created, write.updated, write.deleted)
        revisions.record(after.counter, write.user, reason, chosen, records, write.rows)
        data_changed.send(sender=apply, reason=reason, snapshot=snapshot)
    return result


def derived_label(created: set[str], updated: set[str], deleted: set[str]) -> ChangeLabel:
    """Give the label of a write that names none, from the models whose rows it added,
    changed and deleted: a new measure, a methodology change, a retraction (it only
    deleted), new evidence (it added sources, citations, links, events or targets), else a
    correction. A `load` is labelled the same way, by what it wrote."""
    if "Measure" in created:
        return ChangeLabel.NEW_MEASURE
    if "Methodology" in created | updated | deleted:
        return ChangeLabel.METHODOLOGY_CHANGE
    if deleted and not created and not updated:
        return ChangeLabel.RETRACTION
    if created & {"Source", "Citation", "Link", "MeasureEvent", "Target"}:
        return ChangeLabel.NEW_EVIDENCE
    return ChangeLabel.CORRECTION


def check(
    touched: list[models.Model] | None, base: Snapshot | None = None
) -> tuple[Snapshot | None, list[Problem]]:
    """Give the database's state as the change in progress leaves it, and its problems (none
    checked when `touched` is None: a snapshot the validator passed was written). With `base`,
    the state before the change, only the records the change touched are read again."""
    try:
        snapshot = _after(touched, base)
    except ValidationError as exc:  # a methodology document the rules cannot read
        return None, [Problem("methodology", "", loc, reason) for loc, reason in reasons(exc)]
    except YamlError as exc:  # a methodology document that is not YAML at all
        reason = f"not YAML (line {exc.line}): {exc.message}"
        return None, [Problem("methodology", "", ("document",), reason)]
    if touched is None:
        return snapshot, []
    problems: list[Problem] = []
    for kind, key in sorted({_record_of(obj) for obj in touched}):
        record = _record(snapshot, kind, key)
        if record is not None:
            problems.extend(schema_problems(kind, key, record))
    return snapshot, problems + validate(snapshot)


def _after(touched: list[models.Model] | None, base: Snapshot | None) -> Snapshot:
    records = {_record_of(obj) for obj in touched or ()}
    if base is not None and settings.PATCH_SNAPSHOTS and len(records) <= PATCH_AT_MOST:
        try:
            return patched(base, records)
        except Unpatchable:
            pass
    return snapshot_from_db()


def _record_of(obj: models.Model) -> tuple[str, str]:
    """Give the snapshot record (kind, key) a saved row belongs to."""
    name = type(obj).__name__
    if name in {"Actor", "Framework", "Source", "Measure", "Edition", "Listing"}:
        return (name.lower(), str(obj.pk))
    if name == "Membership":
        return ("membership", f"{obj.actor_id} in {obj.framework_id}")  # type: ignore[attr-defined]
    if name == "Override":
        return ("override", f"{obj.actor_id} on {obj.provision_id}")  # type: ignore[attr-defined]
    owner = {
        "Alias": ("actor", "actor_id"),
        "Relationship": ("actor", "subject_id"),
        "Product": ("actor", "vendor_id"),
        "Provision": ("framework", "framework_id"),
        "MeasureEvent": ("measure", "measure_id"),
        "Link": ("measure", "measure_id"),
        "Target": ("measure", "measure_id"),
    }.get(name)
    if owner is not None:
        return (owner[0], str(getattr(obj, owner[1])))
    if name == "Citation":
        if obj.measure_id is not None:  # type: ignore[attr-defined]
            return ("measure", str(obj.measure_id))  # type: ignore[attr-defined]
        for kind, attr in (("framework", "framework_id"), ("actor", "actor_id")):
            if getattr(obj, attr) is not None:
                return (kind, str(getattr(obj, attr)))
        for holder in ("membership", "event", "override", "relationship", "product"):
            if getattr(obj, f"{holder}_id") is not None:
                try:
                    return _record_of(getattr(obj, holder))
                except ObjectDoesNotExist:  # deleted with its holder, which is checked
                    break
    return ("other", name)


def _record(snapshot: Snapshot, kind: str, key: str) -> Any:
    if kind == "actor":
        return snapshot.actors.get(key)
    if kind == "framework":
        return snapshot.frameworks.get(key)
    if kind == "source":
        return snapshot.sources.get(key)
    if kind == "measure":
        return snapshot.measures.get(key)
    if kind == "membership":
        actor, _in, framework = key.partition(" in ")
        members = snapshot.memberships.get(framework, ())
        return next((m for m in members if m.actor == actor), None)
    if kind == "override":
        return next((o for o in snapshot.overrides if f"{o.actor} on {o.provision}" == key), None)
    if kind == "edition":
        return next((e for e in snapshot.editions if e.id == key), None)
    if kind == "listing":
        return snapshot.listings.get(key)
    return None


def bump() -> DataVersion:
    """Move the data version on: a new counter and a new stamp, in this transaction."""
    stamp = uuid.uuid4().hex
    moved = DataVersion.objects.filter(id=1).update(
        counter=F("counter") + 1, stamp=stamp, changed=timezone.now()
    )
    if not moved:
        DataVersion.objects.create(id=1, counter=1, stamp=stamp, changed=timezone.now())
    current.unpin()
    return DataVersion.objects.get(id=1)


PATCH_AT_MOST = 500  # records a reader reads again rather than the whole database


def _same_places(before: Snapshot, after: Snapshot) -> bool:
    """Tell whether the records readers patch (actors, sources, measures) have the same keys in
    the same order in both states."""
    return all(
        getattr(before, kind) is getattr(after, kind)
        or list(getattr(before, kind)) == list(getattr(after, kind))
        for kind in ("actors", "sources", "measures")
    )


def log(
    before: DataVersion,
    records: set[tuple[str, str]],
    after: DataVersion,
    *,
    in_place: bool = False,
) -> None:
    """Keep what the write from `before` to `after` touched, for readers to patch their
    snapshot with (store/current.py), and whether it left every record in its place; forget
    the writes before the last DataChange.KEEP."""
    whole = len(records) > PATCH_AT_MOST or any(kind not in PATCHABLE for kind, _k in records)
    DataChange.objects.update_or_create(  # a counter once rolled back comes again
        counter=after.counter,
        defaults={
            "before": before.stamp,
            "after": after.stamp,
            "records": [] if whole else sorted(records),
            "whole": whole,
            "in_place": in_place and not whole,
        },
    )
    DataChange.objects.filter(counter__lte=after.counter - DataChange.KEEP).delete()


def _stamp(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    write = _active.get()
    if write is None:
        raise OutsideWritePath(
            f"{sender._meta.label} {instance.pk}: changes to the data go through "
            "mercwatch.store.writes.apply, which checks them and records why"
        )
    if not getattr(instance, "_change_reason", None):
        instance._change_reason = write.reason  # type: ignore[attr-defined]
    if write.user is not None:
        instance._history_user = write.user  # type: ignore[attr-defined]
    write.touched.append(instance)
    if kwargs.get("signal") is pre_delete:
        write.deleted.add(sender.__name__)
    elif instance._state.adding:
        write.created.add(sender.__name__)
    else:
        write.updated.add(sender.__name__)


def _historical(history_instance: models.Model, **_kwargs: Any) -> None:
    """Keep the historical row a write made, for its revision to name."""
    write = _active.get()
    if write is not None:
        write.rows.append((history_instance._meta.label_lower, history_instance.pk))


def guard() -> None:
    """Refuse every save or delete of a data record made outside `apply`."""
    for label in DATA_APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            pre_save.connect(_stamp, sender=model, dispatch_uid=f"write-path-save-{model}")
            pre_delete.connect(_stamp, sender=model, dispatch_uid=f"write-path-del-{model}")
    post_create_historical_record.connect(_historical, dispatch_uid="write-path-history")
