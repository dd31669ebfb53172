"""Which countries are assessed: UN member and observer states; other places are not."""

from __future__ import annotations

import datetime as dt

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.tracker.services.assessments import assess, engine_for
from mercwatch.tracker.states import assessed_states, un_members

PLACES = ("AQ", "BV", "HM", "UM")  # Antarctica, Bouvet, Heard and McDonald, US Minor Outlying


def test_country_converter_lists_the_193_un_member_states():
    members = un_members()
    assert len(members) == 193
    assert {"FRA", "USA", "SSD", "GBR", "GRC"} <= members
    assert not {"ATA", "BVT", "TWN", "VAT", "PSE"} & members


def test_the_two_observer_states_are_assessed_too():
    assert {"VAT", "PSE"} <= assessed_states()
    assert len(assessed_states()) == 195


def test_places_without_a_state_get_no_assessment(bundled_data):
    found = {
        a.actor for a in assess(bundled_data, as_of=dt.date(2025, 1, 1), framework="blueprint")
    }
    assert not set(PLACES) & found
    assert {"FR", "US", "EU", "VA", "PS"} <= found


def test_the_engine_says_why_antarctica_is_not_assessed(bundled_data):
    engine = engine_for(bundled_data)
    (antarctica,) = (a for a in engine.inputs.actors if a.id == "AQ")
    a = engine.assess(antarctica, "blueprint/4", dt.date(2025, 1, 1))
    assert (a.level, a.rule, a.score) == ("not-assessed", "not-in-scope", None)
    assert "Antarctica is not a member or observer state of the United Nations" in a.text


def test_196_governments_are_assessed_the_un_states_and_the_eu(bundled_data):
    assessed = {
        a.actor
        for a in assess(
            bundled_data,
            as_of=dt.date(2025, 1, 1),
            provisions=["blueprint/1"],
            kinds=GOVERNMENT_KINDS,
        )
    }
    countries = [a for a in bundled_data.actors.values() if a.kind == "country"]
    assert len(countries) == 249
    assert len(assessed) == 196
    assert len(countries) - (len(assessed) - 1) == 54  # places listed, not assessed
