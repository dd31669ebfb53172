"""The methodology engine, table-driven over the named mini dataset (no database); each rule on
plain inputs is in test_engine.py."""

from __future__ import annotations

import datetime as dt

import pytest

from mercwatch.tracker.loader.validate import snapshot_from_dir
from mercwatch.tracker.services.assessments import assess

D = dt.date.fromisoformat

CASES = [
    # actor, provision, date, level, rule, confidence
    ("US", "blueprint/5", "2021-04-14", "no-evidence", "no-evidence", None),
    ("US", "blueprint/5", "2021-04-15", "partial", "highest-link", "high"),
    ("US", "blueprint/5", "2021-11-02", "partial", "highest-link", "high"),
    ("US", "blueprint/5", "2021-11-03", "enforced", "highest-link", "medium"),
    # in force from its in-force event, not its adoption; not after its repeal
    ("US", "blueprint/2", "2022-05-31", "no-evidence", "no-evidence", None),
    ("US", "blueprint/2", "2022-06-01", "adopted", "highest-link", "high"),
    ("US", "blueprint/2", "2023-01-09", "adopted", "highest-link", "high"),
    ("US", "blueprint/2", "2023-01-10", "no-evidence", "no-evidence", None),
    # a month-precise start counts from the month's last day; a disputed source contests it
    ("US", "blueprint/3", "2024-05-30", "no-evidence", "no-evidence", None),
    ("US", "blueprint/3", "2024-05-31", "contested", "contested", None),
    # a year-precise declaration counts from the year's last day; one secondary source is low
    ("FR", "blueprint/1", "2022-12-30", "no-evidence", "no-evidence", None),
    ("FR", "blueprint/1", "2022-12-31", "commitment", "highest-link", "low"),
    # signing the Joint Statement implies a commitment on blueprint/1 and /2
    ("FR", "blueprint/2", "2023-03-29", "no-evidence", "no-evidence", None),
    ("FR", "blueprint/2", "2023-03-30", "commitment", "implied-by-membership", "low"),
    ("FR", "blueprint/3", "2023-03-30", "no-evidence", "no-evidence", None),
    # a membership of unknown start counts from its earliest dated source
    ("DE", "blueprint/1", "2024-05-21", "no-evidence", "no-evidence", None),
    ("DE", "blueprint/1", "2024-05-22", "commitment", "implied-by-membership", "low"),
    # an override wins, and is not derived
    ("DE", "blueprint/6", "2024-05-22", "not-applicable", "override", None),
    # not addressed to this kind of actor / not assessed by this methodology
    ("US", "blueprint/8", "2024-01-01", "not-applicable", "not-addressed", None),
    ("acme", "blueprint/1", "2024-01-01", "not-applicable", "not-addressed", None),
    ("acme", "techaccord/4.3", "2024-01-01", "no-evidence", "no-evidence", None),
    ("vendor-one", "blueprint/8", "2024-01-01", "not-assessed", "not-in-scope", None),
]


@pytest.fixture
def mini(mini_dir):
    return snapshot_from_dir(mini_dir)


@pytest.mark.parametrize(("actor", "provision", "day", "level", "rule", "confidence"), CASES)
def test_derivation_rule(mini, actor, provision, day, level, rule, confidence):
    (a,) = assess(
        mini,
        as_of=D(day),
        actors=[actor],
        provisions=[provision],
        kinds=[mini.actors[actor].kind],
    )
    assert (a.level, a.rule, a.confidence) == (level, rule, confidence)
    assert a.methodology == "2026.1"


def test_override_is_marked_and_keeps_the_derived_level(mini):
    (a,) = assess(mini, as_of=D("2024-06-01"), actors=["DE"], provisions=["blueprint/6"])
    assert a.derived is False
    assert a.as_dict()["explanation"]["override"] == {
        "level": "not-applicable",
        "rationale": "An editor's test override.",
        "sources": [],
        "derived_level": "no-evidence",
        "derived_rule": "no-evidence",
    }


def test_contested_cell_keeps_both_sides(mini):
    (a,) = assess(mini, as_of=D("2024-06-01"), actors=["US"], provisions=["blueprint/3"])
    (measure,) = a.as_dict()["explanation"]["measures"]
    assert a.score is None
    assert measure["disputed"] is True
    assert measure["sources"] == ["https://press.example/story"]
    assert measure["disputed_by"] == ["https://denial.example/statement"]


def test_explanation_lists_each_contribution_with_its_sources(mini):
    (a,) = assess(mini, as_of=D("2022-01-01"), actors=["US"], provisions=["blueprint/5"])
    out = a.as_dict()
    assert {k: out[k] for k in ("actor", "provision", "as_of", "level", "label", "score")} == {
        "actor": "US",
        "provision": "blueprint/5",
        "as_of": "2022-01-01",
        "level": "enforced",
        "label": "Implemented and enforced",
        "score": 4,
    }
    assert out["derived"] is True
    assert out["explanation"]["rule"] == "highest-link"
    assert [
        (m["id"], m["date"], m["link_level"], m["decisive"], m["sources"])
        for m in out["explanation"]["measures"]
    ] == [
        (
            "us-entity-list-2021",
            "2021-11-03",
            "enforced",
            True,
            ["https://press.example/story", "https://other-press.example/story"],
        ),
        ("us-ofac-2021", "2021-04-15", "partial", False, ["https://gov.example/order"]),
    ]
    assert out["explanation"]["measures"][0]["rationale"] == "Named spyware vendors were listed."


def test_changing_the_methodology_rederives_under_the_new_version(mini_dir):
    text = (mini_dir / "methodology" / "2026.1.yaml").read_text()
    changed = text.replace("version: '2026.1'", "version: '2026.2'").replace(
        "  label: Implemented and enforced\n  score: 4", "  label: Enforced\n  score: 10"
    )
    assert changed != text
    (mini_dir / "methodology" / "2026.2.yaml").write_text(changed)
    data = snapshot_from_dir(mini_dir)
    (new,) = assess(data, as_of=D("2022-01-01"), actors=["US"], provisions=["blueprint/5"])
    (old,) = assess(
        data, as_of=D("2022-01-01"), actors=["US"], provisions=["blueprint/5"], version="2026.1"
    )
    assert (new.methodology, new.label, new.score) == ("2026.2", "Enforced", 10)
    assert (old.methodology, old.label, old.score) == ("2026.1", "Implemented and enforced", 4)


def test_every_assessed_actor_gets_a_cell_for_every_provision(mini):
    results = assess(mini, as_of=D("2024-01-01"), framework="blueprint")
    actors = {a.actor for a in results}
    assert actors == {"US", "FR", "DE", "acme"}
    assert len(results) == len(actors) * 11
    assert all(a.level for a in results)


def test_a_citation_can_say_its_source_is_second_hand_for_this_claim(mini_dir):
    path = mini_dir / "measures" / "US" / "designations.yaml"
    text = path.read_text()
    path.write_text(
        text.replace(
            "      - src-primary\n", "      - source: src-primary\n        kind: secondary\n"
        )
    )
    (a,) = assess(
        snapshot_from_dir(mini_dir),
        as_of=D("2021-06-01"),
        actors=["US"],
        provisions=["blueprint/5"],
    )
    assert (a.level, a.confidence) == ("partial", "low")


def test_a_sources_retrieval_date_in_its_file_dates_an_undated_membership(mini_dir):
    # The rule itself is in test_engine.py; this is the way from the files to the engine.
    path = next(p for p in (mini_dir / "sources").glob("*.yaml") if "src-denial" in p.read_text())
    text = path.read_text()
    start = text.index("  - id: src-denial")
    entry = text[start:]
    kept = "".join(line + "\n" for line in entry.splitlines() if "published:" not in line)
    retrieved = kept.replace("    kind:", "    retrieved: 2026-12\n    kind:", 1)
    path.write_text(text[:start] + retrieved)
    data = snapshot_from_dir(mini_dir)
    levels = [
        assess(data, as_of=D(day), actors=["DE"], provisions=["blueprint/1"])[0].level
        for day in ("2026-12-30", "2026-12-31")
    ]
    assert levels == ["no-evidence", "commitment"]
