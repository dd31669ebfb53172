"""The bundled dataset: valid, sourced, explained, and the same from files and database."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.services.assessments import assess

D = dt.date.fromisoformat


def test_every_iso_country_is_an_actor(bundled_data):
    import pycountry

    countries = {a.id for a in bundled_data.actors.values() if a.kind == "country"}
    assert countries == {c.alpha_2 for c in pycountry.countries}


def test_blueprint_has_eleven_recommendations_in_seed_order(bundled_data):
    codes = [c for c, p in bundled_data.provisions.items() if p.framework == "blueprint"]
    assert codes == [f"blueprint/{n}" for n in range(1, 12)]
    titles = [bundled_data.provisions[c].title for c in codes]
    assert titles[0] == "Develop clear acceptable use guidelines"
    assert titles[4] == "Blacklist violators"
    assert titles[10] == "Expand collective knowledge of the market"
    addressees = [tuple(bundled_data.provisions[c].addressees) for c in codes]
    assert addressees[5] == addressees[6] == ("governments", "industry")


def test_forty_endorsers_each_with_a_sourced_membership(bundled_data):
    members = bundled_data.memberships["techaccord"]
    assert len(members) == 40
    assert all(m.sources for m in members)


def test_fifteen_governments_have_sourced_levels_above_no_evidence_on_1_january_2025(bundled_data):
    results = assess(
        bundled_data, as_of=D("2025-01-01"), framework="blueprint", kinds=GOVERNMENT_KINDS
    )
    evidenced: dict[str, list[str]] = {}
    for a in results:
        if a.score:
            sources = [s for c in a.contributions if c.decisive for s in c.sources]
            assert sources, (a.actor, a.provision)
            evidenced.setdefault(a.actor, []).append(a.provision)
    assert len(evidenced) >= 15, sorted(evidenced)


@pytest.mark.parametrize(
    ("day", "level"),
    [("2021-11-03", "partial"), ("2021-11-04", "enforced"), ("2025-01-01", "enforced")],
)
def test_united_states_on_blacklisting_before_and_after_4_november_2021(bundled_data, day, level):
    (a,) = assess(bundled_data, as_of=D(day), actors=["US"], provisions=["blueprint/5"])
    assert a.level == level
    if level == "enforced":
        ids = [c.id for c in a.contributions if c.decisive]
        assert any("entity-list" in i for i in ids), ids


def test_before_any_measure_the_united_states_has_no_evidence(bundled_data):
    (a,) = assess(bundled_data, as_of=D("2015-01-01"), actors=["US"], provisions=["blueprint/5"])
    assert (a.level, a.rule) == ("no-evidence", "no-evidence")


@pytest.mark.django_db
def test_scores_from_the_database_equal_scores_from_the_files(bundled_db, bundled_data):
    for day in ("2021-11-03", "2025-01-01", "2026-11-23"):
        from_files = [
            a.as_dict() for a in assess(bundled_data, as_of=D(day), framework="blueprint")
        ]
        from_db = [
            a.as_dict() for a in assess(current_snapshot(), as_of=D(day), framework="blueprint")
        ]
        assert from_db == from_files


@pytest.mark.django_db
def test_score_command_json_has_the_published_fields(bundled_db):
    out = io.StringIO()
    call_command("score", "--as-of", "2025-01-01", "--format", "json", "--actor", "US", stdout=out)
    rows = json.loads(out.getvalue())
    assert [r["provision"] for r in rows] == [f"blueprint/{n}" for n in range(1, 12)]
    five = rows[4]
    assert set(five) >= {"actor", "provision", "as_of", "level", "label", "score", "derived"}
    measure = five["explanation"]["measures"][0]
    assert set(measure) >= {"id", "title", "date", "link_level", "rationale", "sources"}
    assert all(url.startswith("http") for url in measure["sources"])
