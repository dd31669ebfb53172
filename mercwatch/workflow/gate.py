"""The publishing gate: an edition is published only when every one of its stored files passes
its format's validator, and nothing the previous edition showed – a government, a scorecard
column, a provision – disappears without an explicit retraction.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils import timezone

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.exports.registry import exporters
from mercwatch.exports.validate import problems as file_problems
from mercwatch.store.writes import apply
from mercwatch.tracker.services.assessments import methodology_of, provisions_assessed
from mercwatch.tracker.snapshot import Snapshot
from mercwatch.workflow import services
from mercwatch.workflow.editions import EditionError, previous_of, stored_snapshot
from mercwatch.workflow.models import FrozenEdition

KINDS = ("government", "column", "provision")  # what may be retracted


@dataclass(frozen=True)
class Retraction:
    """What an edition drops on purpose, and why."""

    kind: str  # one of KINDS
    id: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "reason": self.reason}


class GateRefused(EditionError):
    """A publication the gate refused; `reasons` says each check that failed."""

    def __init__(self, edition: str, reasons: list[str]) -> None:
        super().__init__(f"the edition {edition} is not published: " + "; ".join(reasons))
        self.reasons = reasons


def parse_retraction(text: str) -> Retraction:
    """Give the retraction `KIND:ID=REASON` names (the command line's and the form's shape)."""
    head, _eq, reason = text.partition("=")
    kind, _colon, key = head.partition(":")
    if kind not in KINDS or not key.strip() or not reason.strip():
        raise EditionError(
            f"retraction {text!r}: write it KIND:ID=REASON, KIND one of {', '.join(KINDS)}"
        )
    return Retraction(kind, key.strip(), reason.strip())


def shown(data: Snapshot, methodology: str) -> dict[str, set[str]]:
    """Give what an edition shows that must not silently disappear, by kind."""
    method = methodology_of(data, methodology if methodology in data.methodologies else None)
    return {
        "government": {a.id for a in data.actors.values() if a.kind in GOVERNMENT_KINDS},
        "column": set(provisions_assessed(data, method, GOVERNMENT_KINDS)),
        "provision": set(data.provisions),
    }


def disappearing(
    before: Snapshot, before_method: str, after: Snapshot, after_method: str
) -> dict[str, list[str]]:
    """Give, by kind, what `before` shows and `after` does not."""
    old, new = shown(before, before_method), shown(after, after_method)
    return {kind: sorted(old[kind] - new[kind]) for kind in KINDS}


def file_reasons(edition: FrozenEdition) -> list[str]:
    """Give what the validators find wrong with an edition's stored files, and any format the
    registry has that the edition lacks."""
    reasons = []
    stored = {f.format: f for f in edition.files.all()}
    for name in exporters():
        if name not in stored:
            reasons.append(f"{name}: no file of this format was built")
    with tempfile.TemporaryDirectory() as tmp:
        for name, item in stored.items():
            path = Path(tmp) / item.filename
            path.write_bytes(bytes(item.content))
            reasons += [f"{item.filename}: {p}" for p in file_problems(name, path)]
    return reasons


def reasons_against(
    edition: FrozenEdition, retractions: list[Retraction], previous: FrozenEdition | None
) -> list[str]:
    """Give every reason the gate has to refuse `edition` after `previous` (none: it passes)."""
    reasons = file_reasons(edition)
    if previous is not None:
        gone = disappearing(
            stored_snapshot(previous),
            previous.methodology,
            stored_snapshot(edition),
            edition.methodology,
        )
        declared = {(r.kind, r.id) for r in retractions}
        for kind, keys in gone.items():
            for key in keys:
                if (kind, key) not in declared:
                    reasons.append(
                        f"the {kind} {key} of the edition {previous.id} would disappear "
                        f"without a retraction (retract it as {kind}:{key}=REASON)"
                    )
    return reasons


def publish(
    edition: FrozenEdition, *, retractions: Sequence[Retraction] = (), user: Any = None
) -> FrozenEdition:
    """Publish `edition` when the gate passes it, with what it retracts; else raise GateRefused
    with every reason (nothing is written)."""
    if edition.published_at is not None:
        raise EditionError(f"the edition {edition.id} is published already")
    retractions = list(retractions)
    previous = previous_of(edition)
    reasons = reasons_against(edition, retractions, previous)
    if reasons:
        raise GateRefused(edition.id, reasons)
    since: dict[str, Any] = {}
    if previous is not None:
        since = {"edition": previous.pk, **services.diff_of(previous, edition).counts()}

    def change() -> FrozenEdition:
        edition.retractions = [r.as_dict() for r in retractions]
        edition.since_previous = since
        edition.published_at = timezone.now()
        edition.published_by = user
        edition._change_reason = ""  # type: ignore[attr-defined]  # this write's, not the freeze's
        edition.save(
            update_fields=["retractions", "since_previous", "published_at", "published_by"]
        )
        return edition

    return apply(change, reason=f"Publish the edition {edition.id}", user=user)
