"""After a write, a reader reads again only the records it touched (store/database.py
`patched`, from the log `store.DataChange`), and gets what reading the whole database gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from mercwatch.store import current
from mercwatch.store.database import Unpatchable, patched, snapshot_from_db
from mercwatch.store.writes import apply
from mercwatch.tracker.derive import Engine
from mercwatch.tracker.models import Actor, Citation, Link, Measure, Membership, Source
from mercwatch.tracker.services.inputs import inputs_from

pytestmark = pytest.mark.django_db


def _rename_actor() -> None:
    actor = Actor.objects.get(id="vendor-one")
    actor.name = "Vendor One, renamed"
    actor.save()


def _relevel_link() -> None:
    link = Link.objects.filter(measure_id="us-entity-list-2021").first()
    assert link is not None
    link.level = "commitment" if link.level != "commitment" else "partial"
    link.save()


def _retitle_source() -> None:
    source = Source.objects.order_by("id").first()
    assert source is not None
    source.title = "A title read again"
    source.save()


def _add_measure() -> None:
    measure = Measure.objects.get(id="fr-call")
    citations: list[Citation | Link] = list(Citation.objects.filter(measure_id="fr-call"))
    links: list[Citation | Link] = list(Link.objects.filter(measure_id="fr-call"))
    measure.pk, measure.title, measure.position = "fr-call-again", "The call, again", 99
    measure.save()
    for item in [*citations, *links]:
        item.pk, item.measure_id = None, "fr-call-again"
        item.save()


def _drop_measure() -> None:
    Measure.objects.get(id="fr-call").delete()


@pytest.mark.parametrize(
    "change", [_rename_actor, _relevel_link, _retitle_source, _add_measure, _drop_measure]
)
def test_a_patched_snapshot_equals_the_whole_database_read_again(mini_db, change):
    before = current.current_snapshot()
    held = current.data_version()
    apply(change, reason="test")
    touched = current.touched_since(held, current.data_version())
    assert touched is not None
    assert touched.records  # the log names what the write touched
    # Records added or dropped move the others: only a write that did neither is in place.
    assert touched.in_place is (change not in {_add_measure, _drop_measure})
    after = current.current_snapshot()
    assert after is not before
    assert after == snapshot_from_db()
    assert list(after.measures) == list(snapshot_from_db().measures)  # each in its place


def test_the_engine_after_a_patched_write_answers_as_a_new_one(mini_db):
    snapshot = current.current_snapshot()
    engine = current.engine(snapshot)
    day = dt.date(2022, 1, 1)
    us = next(a for a in engine.inputs.actors if a.id == "US")
    link = Link.objects.filter(measure_id="us-entity-list-2021").first()
    assert link is not None
    code = link.provision_id
    level_before = engine.assess(us, code, day).level
    apply(_relevel_link, reason="test")
    snapshot = current.current_snapshot()
    patched_engine = current.engine(snapshot)
    assert patched_engine.changed == frozenset({"US"})
    fresh = Engine(patched_engine.method, inputs_from(snapshot_from_db()))
    for actor in fresh.inputs.actors:
        for provision in ("blueprint/1", "blueprint/2", "blueprint/4", "blueprint/8", code):
            assert patched_engine.assess(actor, provision, day) == fresh.assess(
                actor, provision, day
            )
    assert patched_engine.assess(us, code, day).level != level_before


def test_a_write_of_a_kind_readers_do_not_patch_makes_them_read_everything(mini_db):
    current.current_snapshot()
    held = current.data_version()

    def change() -> None:
        membership = Membership.objects.order_by("pk").first()
        assert membership is not None
        membership.note = "A note"
        membership.save()

    apply(change, reason="test")
    assert current.touched_since(held, current.data_version()) is None
    assert current.current_snapshot() == snapshot_from_db()


def test_a_rolled_back_write_leaves_no_gap_in_the_chain(mini_db):
    current.current_snapshot()
    held = current.data_version()

    def rolled_back() -> None:
        with transaction.atomic():
            apply(_rename_actor, reason="rolled back")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        rolled_back()
    assert current.data_version() == held
    apply(_retitle_source, reason="kept")
    assert current.touched_since(held, current.data_version()) is not None
    assert current.current_snapshot() == snapshot_from_db()


def test_a_version_the_log_does_not_know_is_read_whole(mini_db):
    version = current.data_version()
    assert current.touched_since((version[0] - 1, "not-a-stamp"), version) is None
    assert current.touched_since(None, version) is None


def test_a_patch_in_place_that_does_not_match_the_database_reads_whole(mini_db):
    held = current.current_snapshot()
    with pytest.raises(Unpatchable):  # a record the log says was kept in place is not there
        patched(held, {("measure", "no-such-measure")}, in_place=True)
    assert patched(held, {("measure", "fr-call")}, in_place=True) == held
