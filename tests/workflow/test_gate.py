"""The publishing gate: every file validated by its format's validator, and nothing the previous
edition showed dropped without a retraction; each refusal says why and publishes nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from mercwatch.store.writes import apply
from mercwatch.tracker.loader.yamlio import read_yaml
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.models import Actor, Membership, Override, Provision
from mercwatch.workflow import editions, gate
from mercwatch.workflow.gate import GateRefused, Retraction
from mercwatch.workflow.models import EditionFile, FrozenEdition
from tests.workflow.conftest import DAY

pytestmark = pytest.mark.django_db


def _draft() -> FrozenEdition:
    return editions.freeze(title="Next", day=DAY)


def _drop_germany() -> None:
    Override.objects.filter(actor_id="DE").delete()
    Membership.objects.filter(actor_id="DE").delete()
    Actor.objects.get(id="DE").delete()


def _refused(edition: FrozenEdition, retractions: list[Retraction] | None = None) -> list[str]:
    with pytest.raises(GateRefused) as caught:
        gate.publish(edition, retractions=retractions or [])
    assert FrozenEdition.objects.get(pk=edition.pk).published_at is None
    return caught.value.reasons


def test_the_first_edition_passes_the_gate(first: FrozenEdition):
    assert first.published_at is not None
    assert gate.file_reasons(first) == []


def test_a_file_its_validator_rejects_stops_the_edition(mini_db):
    draft = _draft()
    # A broken file, as a faulty exporter would leave it (an update, not a save: files are
    # immutable through the models).
    EditionFile.objects.filter(edition=draft, format="stix").update(content=b"not json")
    EditionFile.objects.filter(edition=draft, format="json").update(content=b'{"licence": 1}')
    reasons = _refused(draft)
    assert any(r.startswith(f"mercwatch-{draft.id}.stix.json: ") for r in reasons), reasons
    assert any(r.startswith(f"mercwatch-{draft.id}.json: ") for r in reasons), reasons


def test_a_format_without_its_file_stops_the_edition(mini_db):
    draft = _draft()
    apply(lambda: EditionFile.objects.filter(edition=draft, format="sqlite").delete(), reason="t")
    assert _refused(draft) == ["sqlite: no file of this format was built"]


def test_a_government_that_would_disappear_stops_the_edition(first: FrozenEdition):
    apply(_drop_germany, reason="Drop Germany")
    draft = _draft()
    reasons = _refused(draft)
    assert reasons == [
        f"the government DE of the edition {first.id} would disappear without a retraction "
        "(retract it as government:DE=REASON)"
    ]
    retraction = gate.parse_retraction("government:DE=Assessed under the EU from now on")
    published = gate.publish(draft, retractions=[retraction])
    assert published.retractions == [retraction.as_dict()]


def test_a_provision_that_would_disappear_stops_the_edition(first: FrozenEdition):
    apply(lambda: Provision.objects.get(code="paris-call/9").delete(), reason="Drop one")
    draft = _draft()
    assert _refused(draft) == [
        f"the provision paris-call/9 of the edition {first.id} would disappear without a "
        "retraction (retract it as provision:paris-call/9=REASON)"
    ]
    retraction = Retraction("provision", "paris-call/9", "Withdrawn by the Paris Call")
    assert gate.publish(draft, retractions=[retraction]).published_at is not None


def test_a_scorecard_column_that_would_disappear_is_found(first: FrozenEdition):
    before = editions.stored_snapshot(first)
    method = before.methodologies[first.methodology]
    narrower = method.document.replace("  - blueprint/7\n  actor_kinds:", "  actor_kinds:", 1)
    assert narrower != method.document
    rules = MethodologyFile.model_validate(read_yaml(narrower))
    after = replace(before, methodologies={method.version: replace(method, rules=rules)})
    gone = gate.disappearing(before, first.methodology, after, first.methodology)
    assert gone == {"government": [], "column": ["blueprint/7"], "provision": []}


def test_a_published_edition_is_not_published_again(first: FrozenEdition):
    with pytest.raises(editions.EditionError, match="published already"):
        gate.publish(first)


@pytest.mark.parametrize("text", ["DE=why", "country:DE=why", "government:DE=", "government:=x"])
def test_a_retraction_written_wrong_is_refused_saying_how(text: Any):
    with pytest.raises(editions.EditionError, match="KIND:ID=REASON"):
        gate.parse_retraction(text)
