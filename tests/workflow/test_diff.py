"""The diff of two editions: statuses that rose or fell, measures added, changed field by field
or retracted, each with the reason its revision gave."""

from __future__ import annotations

import datetime as dt

import pytest

from mercwatch.store.writes import apply
from mercwatch.tracker.models import Citation, Link, Measure
from mercwatch.workflow import editions, gate, services
from mercwatch.workflow.models import FrozenEdition
from tests.workflow.conftest import DAY

pytestmark = pytest.mark.django_db


def _retitle() -> None:
    measure = Measure.objects.get(id="fr-call")
    measure.title = "A call for a ban"
    measure.save()


def _relevel() -> None:
    link = Link.objects.get(measure_id="fr-call", provision_id="blueprint/1")
    link.level = "adopted"
    link.save()


def _add() -> None:
    measure = Measure.objects.get(id="fr-call")
    citations = list(Citation.objects.filter(measure_id="fr-call"))
    measure.pk, measure.title, measure.position = "fr-call-again", "The call, again", 99
    measure.save()
    for item in citations:
        item.pk, item.measure_id = None, "fr-call-again"
        item.save()


def _drop() -> None:
    Measure.objects.get(id="us-disputed-contract").delete()


@pytest.fixture
def second(first: FrozenEdition) -> FrozenEdition:
    apply(_retitle, reason="Correct the title to the call's own words")
    apply(_relevel, reason="New evidence: the call became a law")
    apply(_add, reason="New measure")
    apply(_drop, reason="Retract: the contract was never signed")
    return gate.publish(editions.freeze(title="February 2026", day=DAY))


def test_a_diff_names_each_changed_measure_with_its_fields_and_reasons(first, second):
    found = services.diff_of(first, second)
    by_id = {m.measure: m for m in found.measures}
    assert {k: m.change for k, m in by_id.items()} == {
        "fr-call": "changed",
        "fr-call-again": "added",
        "us-disputed-contract": "retracted",
    }
    changed = by_id["fr-call"]
    assert [f.field for f in changed.fields] == ["links", "title"]
    title = next(f for f in changed.fields if f.field == "title")
    assert (title.before, title.after) == ("A call for a moratorium", "A call for a ban")
    assert [r.text for r in changed.reasons] == [
        "Correct the title to the call's own words",
        "New evidence: the call became a law",
    ]
    assert [r.text for r in by_id["us-disputed-contract"].reasons] == [
        "Retract: the contract was never signed"
    ]


def test_a_diff_names_the_status_that_rose_and_why(first, second):
    found = services.diff_of(first, second)
    rose = [s for s in found.statuses if (s.actor, s.provision) == ("FR", "blueprint/1")]
    assert len(rose) == 1
    assert rose[0].direction == "rose"
    assert rose[0].before is not None
    assert rose[0].after is not None
    assert rose[0].after.level == "adopted"
    assert "fr-call" in rose[0].measures
    assert "New evidence: the call became a law" in [r.text for r in rose[0].reasons]
    fell = services.diff_of(second, first)
    assert [s.direction for s in fell.statuses if s.actor == "FR"] == ["fell"]


def test_two_editions_of_the_same_data_differ_by_what_happened_between_their_dates(mini_db):
    early = editions.freeze(title="Early", day=dt.date(2021, 6, 1))
    late = editions.freeze(title="Late", day=DAY)
    found = services.diff_of(early, late)
    assert found.measures
    assert {m.change for m in found.measures} == {"added"}
    assert all(m.reasons == () for m in found.measures)  # the same data: nothing was revised
    assert services.diff_of(early, early).statuses == ()


def test_the_diff_json_has_every_part(first, second):
    doc = services.diff_of(first, second).as_dict()
    assert doc["from_edition"] == first.id
    assert doc["to_edition"] == second.id
    assert set(doc["measures"][0]) == {"change", "measure", "actor", "title", "fields", "reasons"}
    assert set(doc["statuses"][0]) >= {"direction", "before", "after", "reasons"}
