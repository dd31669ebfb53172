"""Any date is a lookup: the engine derives each cell once per stretch between change days, and
an engine built after a write takes over the cells of every actor the write did not touch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from mercwatch.tracker.changes import changes_between, every_change
from mercwatch.tracker.derive import Engine
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.services.inputs import inputs_from
from mercwatch.tracker.snapshot import Snapshot


def _days(count: int, seed: int) -> list[dt.date]:
    rng = random.Random(seed)
    start = dt.date(1990, 1, 1).toordinal()
    return [dt.date.fromordinal(start + rng.randrange(45 * 365)) for _ in range(count)]


def test_a_looked_up_date_gives_what_deriving_that_date_gives(bundled_data: Snapshot):
    method = methodology_of(bundled_data)
    inputs = inputs_from(bundled_data)
    engine = Engine(method, inputs)
    actors = [a for a in inputs.actors if a.kind in {"country", "supranational", "company"}]
    compared = 0
    for day in _days(40, seed=7):
        fresh = Engine(method, inputs)  # nothing kept: each cell derived for this very day
        for actor in actors:
            for provision in ("blueprint/1", "blueprint/2", "blueprint/4", "blueprint/8"):
                looked_up = engine.assess(actor, provision, day)
                derived = fresh._assess(actor, provision, day)
                assert looked_up == derived, (actor.id, provision, day)
                compared += 1
    assert compared > 10_000


def test_a_change_day_starts_a_new_stretch_and_the_day_before_ends_the_last(
    bundled_data: Snapshot,
):
    method = methodology_of(bundled_data)
    inputs = inputs_from(bundled_data)
    engine = Engine(method, inputs)
    us = next(a for a in inputs.actors if a.id == "US")
    days = engine.change_days("US", "blueprint/4")
    assert len(days) >= 2
    for day in days:
        for probe in (day - dt.timedelta(days=1), day):
            assert engine.assess(us, "blueprint/4", probe) == Engine(method, inputs)._assess(
                us, "blueprint/4", probe
            )
    assert len(engine.timeline(us, "blueprint/4")) == len(days) + 1


def _retitled(data: Snapshot, measure_id: str) -> Snapshot:
    measures = dict(data.measures)
    measures[measure_id] = dataclasses.replace(measures[measure_id], title="A new title")
    return dataclasses.replace(data, measures=measures)


def test_an_engine_after_a_write_rederives_only_the_touched_actor(bundled_data: Snapshot):
    method = methodology_of(bundled_data)
    before = Engine(method, inputs_from(bundled_data))
    changes_between(method, before.inputs, dt.date(1900, 1, 1), dt.date.max, engine=before)
    measure = next(m for m in bundled_data.measures.values() if m.actor == "US" and m.links)
    after_data = _retitled(bundled_data, measure.id)
    after = Engine(method, inputs_from(after_data), previous=before)
    assert after.changed == frozenset({"US"})
    assert after.kept("FR") is before.kept("FR")
    assert after.kept("US") is not before.kept("US")
    fresh = Engine(method, inputs_from(after_data))
    for actor in after.inputs.actors:
        for provision in ("blueprint/1", "blueprint/4", "blueprint/8"):
            for day in _days(5, seed=len(actor.id)):
                assert after.assess(actor, provision, day) == fresh.assess(actor, provision, day)
    whole = (dt.date(1900, 1, 1), dt.date.max)
    assert changes_between(method, after.inputs, *whole, engine=after) == changes_between(
        method, fresh.inputs, *whole, engine=fresh
    )
    # Every change after the write, from those before for the actors it did not touch, is every
    # change derived afresh.
    assert every_change(after, every_change(before)) == every_change(fresh)
    titles = {
        c.title
        for change in changes_between(method, after.inputs, *whole, engine=after, actors={"US"})
        for c in change.after.contributions
    }
    assert "A new title" in titles


def test_another_methodology_takes_nothing_over(bundled_data: Snapshot):
    method = methodology_of(bundled_data)
    inputs = inputs_from(bundled_data)
    before = Engine(method, inputs)
    other = method.model_copy(update={"version": "2099.1"})
    after = Engine(other, inputs, previous=before)
    assert after.changed is None
    assert after.kept("FR") is not before.kept("FR")
