"""A submission's proposed records: checked as the data files are, and applied through the one
write path.

A proposal is the data files' shape as JSON: `{"sources": [...], "measures": [...],
"retract": [...]}`. A source is a source entry with the `group` (its file under sources/) it
belongs in; a measure is a measure entry with its `actor` and `family` (its file under
measures/ACTOR/); `retract` lists the IDs of measures to take out. Each record is checked with
the files' schema (`schema_problems`), then the state it would leave with the validator, by a
dry run of the write path that is rolled back. Every problem is named by its field in the
proposal (`measures[0].title`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from mercwatch.store import current
from mercwatch.store.sync import write_snapshot
from mercwatch.store.writes import Refused, apply
from mercwatch.tracker.loader import records
from mercwatch.tracker.loader.records import schema_problems
from mercwatch.tracker.loader.schemas import MeasureEntry, SourceEntry
from mercwatch.tracker.snapshot import Snapshot
from mercwatch.tracker.validator import Problem, dotted
from mercwatch.tracker.values import ACTOR_ID, SLUG

PARTS = ("sources", "measures", "retract")
PLACES = {"sources": ("group",), "measures": ("actor", "family")}  # where a record goes
MOST = 50  # records in one proposal
FieldErrors = dict[str, list[str]]


def problems(proposal: Any, *, user: Any = None) -> FieldErrors:
    """Give what is wrong with `proposal`, by field (nothing: it can be applied as it is)."""
    errors = _shape(proposal)
    if errors:
        return errors
    for part, kind in (("sources", "source"), ("measures", "measure")):
        for index, item in enumerate(proposal.get(part, ())):
            entry = {k: v for k, v in item.items() if k not in PLACES[part]}
            for problem in schema_problems(kind, str(entry.get("id", "")), entry):
                _add(errors, (part, index, *problem.loc), problem.reason)
    if errors:
        return errors
    return _dry_run(proposal, user)


def _shape(proposal: Any) -> FieldErrors:
    errors: FieldErrors = {}
    if not isinstance(proposal, dict):
        return {"proposal": [_("must be an object with sources, measures or retract")]}
    for key in proposal:
        if key not in PARTS:
            _add(errors, (key,), _("unknown part: a proposal holds sources, measures and retract"))
    count = 0
    for part in PARTS:
        items = proposal.get(part, [])
        if not isinstance(items, list):
            _add(errors, (part,), _("must be a list"))
            continue
        count += len(items)
        for index, item in enumerate(items):
            if part == "retract":
                if not isinstance(item, str) or not item:
                    _add(errors, (part, index), _("must be the ID of a measure"))
                continue
            if not isinstance(item, dict):
                _add(errors, (part, index), _("must be an object"))
                continue
            for place in PLACES[part]:
                value = item.get(place)
                if not isinstance(value, str) or not _slug(value, place):
                    _add(errors, (part, index, place), _("required: %(what)s") % {
                        "what": _("an actor's ID") if place == "actor" else _("a file name")
                    })  # fmt: skip
    if count == 0:
        errors.setdefault("proposal", []).append(_("propose at least one record"))
    if count > MOST:
        errors.setdefault("proposal", []).append(
            _("at most %(most)d records in one submission") % {"most": MOST}
        )
    return errors


def _slug(value: str, place: str) -> bool:
    return re.match(ACTOR_ID if place == "actor" else SLUG, value) is not None


def _add(errors: FieldErrors, loc: tuple[str | int, ...], reason: str) -> None:
    errors.setdefault(dotted(loc), []).append(reason)


def proposed(base: Snapshot, proposal: dict[str, Any]) -> Snapshot:
    """Give `base` with the proposal's records put in (a record with a known ID replaced in its
    place) and its retracted measures taken out."""
    sources = dict(base.sources)
    for item in proposal.get("sources", ()):
        source = SourceEntry.model_validate({k: v for k, v in item.items() if k != "group"})
        sources[source.id] = records.source(source, item["group"])
    measures = dict(base.measures)
    for item in proposal.get("measures", ()):
        entry = MeasureEntry.model_validate(
            {k: v for k, v in item.items() if k not in PLACES["measures"]}
        )
        measures[entry.id] = records.measure(entry, item["actor"], item["family"])
    for measure_id in proposal.get("retract", ()):
        measures.pop(measure_id, None)
    return dataclasses.replace(base, sources=sources, measures=measures)


def unknown_retractions(base: Snapshot, proposal: dict[str, Any]) -> FieldErrors:
    errors: FieldErrors = {}
    for index, measure_id in enumerate(proposal.get("retract", ())):
        if measure_id not in base.measures:
            _add(errors, ("retract", index), _("no measure has this ID"))
    return errors


def apply_proposal(
    proposal: dict[str, Any], *, reason: str, user: Any, label: str | None = None
) -> None:
    """Write the proposal through the write path (raises `Refused` with its problems), its
    revision labelled `label` (a `ChangeLabel`; derived from what it wrote when None)."""

    def change() -> None:
        base = current.current_snapshot()
        wrong = unknown_retractions(base, proposal)
        if wrong:
            raise Unknown(wrong)
        write_snapshot(proposed(base, proposal), reason=reason)

    apply(change, reason=reason, user=user, label=label)


class Unknown(Exception):
    def __init__(self, errors: FieldErrors) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class _DryRun(Exception):
    pass


def _dry_run(proposal: dict[str, Any], user: Any) -> FieldErrors:
    try:
        with transaction.atomic():
            apply_proposal(proposal, reason="check of a submission (rolled back)", user=user)
            raise _DryRun
    except _DryRun:
        return {}
    except Unknown as exc:
        return exc.errors
    except Refused as exc:
        return located(exc.problems, proposal)


def located(found: list[Problem], proposal: dict[str, Any]) -> FieldErrors:
    """Name each problem of the write path by its field in the proposal (else `proposal`)."""
    errors: FieldErrors = {}
    for problem in found:
        part = {"source": "sources", "measure": "measures"}.get(problem.kind)
        ids = [str(item.get("id")) for item in proposal.get(part, ())] if part else []
        if problem.key in ids:
            _add(errors, (part, ids.index(problem.key), *problem.loc), problem.reason)  # type: ignore[arg-type]
        else:
            errors.setdefault("proposal", []).append(str(problem))
    return errors
