"""designations_of: an actor's own designations and those it is affiliated with, with the path."""

from __future__ import annotations

import datetime as dt

from mercwatch.market.services import designations_of


def test_a_removal_ends_a_designation(bundled_data):
    (d,) = designations_of(bundled_data, "sandvine")
    assert (d.measure, str(d.since), str(d.until), d.removed) == (
        "us-entity-list-2024-02-sandvine",
        "2024-02-27",
        "2024-10-23",
        True,
    )
    assert designations_of(bundled_data, "sandvine", on=dt.date(2024, 10, 22)) == [d]
    assert designations_of(bundled_data, "sandvine", on=dt.date(2024, 10, 23)) == []


def test_a_group_is_affiliated_with_its_members_designations_through_each_member(bundled_data):
    found = designations_of(bundled_data, "intellexa-consortium")
    assert found
    assert all(d.via is not None for d in found)
    assert {d.measure for d in found} == {
        "us-entity-list-2023-07",
        "us-ofac-intellexa-2024-03",
        "us-ofac-intellexa-2024-09",
    }
    through = {(d.measure, d.target, d.via.kind) for d in found if d.via is not None}
    assert ("us-entity-list-2023-07", "intellexa-sa", "part-of") in through
    assert ("us-ofac-intellexa-2024-09", "andrea-gambazzi", "member") in through


def test_on_a_day_only_designations_in_force_count(bundled_data):
    before = designations_of(bundled_data, "intellexa-consortium", on=dt.date(2023, 7, 1))
    assert before == []
    later = {
        d.target
        for d in designations_of(bundled_data, "intellexa-consortium", on=dt.date(2026, 1, 1))
    }
    assert "intellexa-sa" in later
    assert "andrea-gambazzi" not in later  # removed on 30 December 2025


def test_a_tie_that_ended_before_the_designation_does_not_affiliate(bundled_data):
    # Francisco Partners owned NSO Group 2014–2019; NSO Group was designated in November 2021.
    assert [
        d for d in designations_of(bundled_data, "francisco-partners") if d.target == "nso-group"
    ] == []
    novalpina = designations_of(bundled_data, "novalpina-capital")
    assert [(d.target, d.via.kind if d.via else None) for d in novalpina] == [
        ("nso-group", "owner")
    ]


def test_a_designated_actor_has_its_own_designation_without_a_path(bundled_data):
    own = [d for d in designations_of(bundled_data, "intellexa-sa") if d.via is None]
    assert {d.measure for d in own} == {"us-entity-list-2023-07", "us-ofac-intellexa-2024-03"}


def test_the_ftm_export_counts_as_sanctions_exactly_the_designations_of_the_one_rule(bundled_data):
    from mercwatch.exports.formats.ftm import entities, entity_id
    from mercwatch.market.services import direct_designations

    sanctions = {
        (p.get("entity")[0], p.get("program")[0], tuple(p.get("endDate")))
        for p in entities(bundled_data)
        if p.schema.name == "Sanction"
    }
    expected = {
        (
            entity_id(d.target),
            bundled_data.measures[d.measure].title,
            (str(d.until),) if d.until else (),
        )
        for actor in bundled_data.actors
        for d in direct_designations(bundled_data, actor)
    }
    assert sanctions == expected
    excluded = {
        (entity_id(t.actor), m.title)
        for m in bundled_data.measures.values()
        for t in m.targets
        if t.role == "excluded"
    }
    assert excluded  # the bundled data has investment exclusions: none of them is a sanction
    assert not excluded & {(entity, program) for entity, program, _end in sanctions}


def test_a_designation_reached_through_two_ties_with_one_actor_is_given_once(bundled_data):
    # Felix Bitzios is both a member and an owner of the consortium, which is designated
    # through none of its own; the consortium's page lists his designation once.
    ties = {(r.kind, r.object) for r in bundled_data.actors["felix-bitzios"].relationships}
    assert {("member", "intellexa-consortium"), ("owner", "intellexa-consortium")} <= ties
    found = designations_of(bundled_data, "intellexa-consortium")
    pairs = [(d.measure, d.target) for d in found]
    assert pairs.count(("us-ofac-intellexa-2024-09", "felix-bitzios")) == 1
    assert len(pairs) == len(set(pairs))
