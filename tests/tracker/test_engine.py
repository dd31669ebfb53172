"""The derivation engine on plain inputs (tracker/derive.py): each rule of the methodology on
the fewest records that show it, with no data directory and no database."""

from __future__ import annotations

import datetime as dt

import pytest

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker.derive import (
    ActorIn,
    Assessment,
    Engine,
    EventIn,
    Inputs,
    LinkIn,
    MeasureIn,
    MembershipIn,
    OverrideIn,
    ProvisionIn,
    SourceRef,
    grade,
)
from mercwatch.tracker.methodology import MethodologyFile
from mercwatch.tracker.snapshot import Snapshot

D = dt.date.fromisoformat
P = PartialDate.parse

US = ActorIn("US", "country", "United States")
ACME = ActorIn("acme", "company", "Acme")
VENDOR = ActorIn("vendor-one", "vendor", "Vendor One")
PLACE = ActorIn("AQ", "country", "Antarctica", not_assessed="Antarctica is not a state.")
PROVISIONS = (
    ProvisionIn("blueprint/1", "blueprint", ("governments",)),
    ProvisionIn("blueprint/2", "blueprint", ("governments",)),
    ProvisionIn("blueprint/5", "blueprint", ("governments",)),
    ProvisionIn("blueprint/8", "blueprint", ("industry",)),
)
OFFICIAL = SourceRef("https://gov.example/order", "primary", P("2021-04-15"))
PRESS = SourceRef("https://press.example/story", "secondary", P("2021-11-04"))
OTHER_PRESS = SourceRef("https://www.other-press.example/story", "secondary")
DENIAL = SourceRef("https://denial.example/statement", "secondary", stance="disputes")


@pytest.fixture(scope="module")
def method(bundled_data: Snapshot) -> MethodologyFile:
    return bundled_data.methodologies["2026.1"].rules


def measure(
    mid: str,
    level: str,
    date: str = "2021-04-15",
    *,
    provision: str = "blueprint/5",
    sources: tuple[SourceRef, ...] = (OFFICIAL,),
    events: tuple[tuple[str, str], ...] = (),
) -> MeasureIn:
    return MeasureIn(
        id=mid,
        actor="US",
        title=f"Measure {mid}",
        date=P(date),
        sources=sources,
        links=(LinkIn(provision, level, f"Why {mid} is {level}."),),
        events=tuple(EventIn(kind, P(day)) for kind, day in events),
    )


def signatory(
    since: str | None = "2023-03-30",
    *,
    role: str = "signatory",
    until: str | None = None,
    sources: tuple[SourceRef, ...] = (PRESS,),
) -> MembershipIn:
    return MembershipIn(
        actor="US",
        framework="joint-statement",
        role=role,
        since=None if since is None else P(since),
        until=None if until is None else P(until),
        sources=sources,
        framework_title="Joint Statement",
    )


def assessed(
    method: MethodologyFile,
    day: str,
    *,
    actor: ActorIn = US,
    provision: str = "blueprint/5",
    measures: tuple[MeasureIn, ...] = (),
    memberships: tuple[MembershipIn, ...] = (),
    overrides: tuple[OverrideIn, ...] = (),
) -> Assessment:
    inputs = Inputs((actor,), PROVISIONS, measures, memberships, overrides)
    return Engine(method, inputs).assess(actor, provision, D(day))


@pytest.mark.parametrize(("actor", "provision"), [(US, "blueprint/8"), (ACME, "blueprint/1")])
def test_a_provision_not_addressed_to_the_actors_kind_is_not_applicable(method, actor, provision):
    a = assessed(method, "2024-01-01", actor=actor, provision=provision)
    assert (a.level, a.rule, a.score, a.derived) == ("not-applicable", "not-addressed", None, True)
    assert f"not to a {actor.kind}" in a.text


def test_an_actor_the_methodology_does_not_assess_says_why_whatever_its_measures(method):
    a = assessed(method, "2024-01-01", actor=PLACE, measures=(measure("m", "enforced"),))
    assert (a.level, a.rule, a.text) == (
        "not-assessed",
        "not-in-scope",
        "Antarctica is not a state.",
    )
    assert a.contributions == ()


def test_a_kind_outside_the_methodologys_scope_is_not_assessed(method):
    a = assessed(method, "2024-01-01", actor=VENDOR, provision="blueprint/8")
    assert (a.level, a.rule) == ("not-assessed", "not-in-scope")
    assert a.text == "Methodology 2026.1 does not assess a vendor on this provision yet."


def test_with_nothing_in_force_there_is_no_evidence(method):
    a = assessed(method, "2021-04-14", measures=(measure("m", "enforced"),))
    assert (a.level, a.rule, a.score, a.confidence) == ("no-evidence", "no-evidence", 0, None)
    assert a.contributions == ()


def test_the_highest_link_wins_and_only_the_links_at_that_level_are_decisive(method):
    measures = (
        measure("ofac", "partial", "2021-04-15"),
        measure("listed", "enforced", "2021-11-03", sources=(PRESS,)),
        measure("also-listed", "enforced", "2021-11-05"),
    )
    a = assessed(method, "2022-01-01", measures=measures)
    assert (a.level, a.rule, a.score) == ("enforced", "highest-link", 4)
    assert [(c.id, c.decisive) for c in a.contributions] == [
        ("listed", True),  # the highest level first, then by date
        ("also-listed", True),
        ("ofac", False),
    ]
    assert a.confidence == "high"  # the best grade among the decisive contributions
    assert a.text == (
        "The highest level among 3 contribution(s) in force on the day is Implemented and enforced."
    )


@pytest.mark.parametrize(
    ("events", "day", "counts"),
    [
        # from its in-force event, before its adoption; until its first repeal or end
        ((("adopted", "2022-03-01"), ("in-force", "2022-06-01")), "2022-05-31", False),
        ((("adopted", "2022-03-01"), ("in-force", "2022-06-01")), "2022-06-01", True),
        ((("adopted", "2022-03-01"),), "2022-02-28", False),
        ((("adopted", "2022-03-01"),), "2022-03-01", True),
        ((), "2022-01-09", False),  # with neither, from its own date
        ((), "2022-01-10", True),
        ((("ended", "2023-02-01"), ("repealed", "2023-01-10")), "2023-01-09", True),
        ((("ended", "2023-02-01"), ("repealed", "2023-01-10")), "2023-01-10", False),
        # a start known to the month counts from its last day, an end from its first
        ((("in-force", "2024-05"),), "2024-05-30", False),
        ((("in-force", "2024-05"),), "2024-05-31", True),
        ((("in-force", "2024-05"), ("ended", "2024-07")), "2024-06-30", True),
        ((("in-force", "2024-05"), ("ended", "2024-07")), "2024-07-01", False),
        ((("in-force", "2022"),), "2022-12-30", False),
        ((("in-force", "2022"),), "2022-12-31", True),
    ],
)
def test_a_measure_counts_while_it_is_in_force(method, events, day, counts):
    a = assessed(method, day, measures=(measure("law", "adopted", "2022-01-10", events=events),))
    assert a.level == ("adopted" if counts else "no-evidence")


def test_a_disputed_measure_that_would_raise_the_level_contests_the_cell(method):
    measures = (
        measure("ofac", "partial"),
        measure("claimed", "enforced", sources=(PRESS, DENIAL)),
    )
    a = assessed(method, "2022-01-01", measures=measures)
    assert (a.level, a.rule, a.score, a.confidence) == ("contested", "contested", None, None)
    assert [(c.id, c.disputed, c.decisive) for c in a.contributions] == [
        ("claimed", True, True),
        ("ofac", False, False),
    ]
    assert "above partial" in a.text


def test_a_disputed_measure_alone_contests_a_cell_that_would_have_no_evidence(method):
    a = assessed(method, "2022-01-01", measures=(measure("claimed", "partial", sources=(DENIAL,)),))
    assert (a.level, a.rule) == ("contested", "contested")
    assert "above no-evidence" in a.text


@pytest.mark.parametrize("claimed", ["partial", "enforced"])
def test_a_disputed_measure_no_higher_than_the_undisputed_ones_does_not_contest(method, claimed):
    measures = (
        measure("listed", "enforced"),
        measure("claimed", claimed, sources=(PRESS, DENIAL)),
    )
    a = assessed(method, "2022-01-01", measures=measures)
    assert (a.level, a.rule, a.confidence) == ("enforced", "highest-link", "high")
    assert [(c.id, c.disputed, c.decisive) for c in a.contributions] == [
        ("listed", False, True),
        ("claimed", True, claimed == "enforced"),
    ]


@pytest.mark.parametrize(
    ("provision", "level", "rule"),
    [
        ("blueprint/1", "commitment", "implied-by-membership"),
        ("blueprint/2", "commitment", "implied-by-membership"),
        ("blueprint/5", "no-evidence", "no-evidence"),  # the methodology implies nothing there
    ],
)
def test_a_signatory_of_the_joint_statement_is_committed_on_what_it_implies(
    method, provision, level, rule
):
    a = assessed(method, "2023-03-30", provision=provision, memberships=(signatory(),))
    assert (a.level, a.rule) == (level, rule)
    if level == "commitment":
        (c,) = a.contributions
        assert (c.kind, c.id, c.title) == (
            "membership",
            "joint-statement:US",
            "Signatory of the Joint Statement",
        )
        assert a.confidence == "low"  # one secondary source


def test_a_membership_counts_only_in_a_role_the_methodology_names_and_until_it_ends(method):
    def level(day: str, member: MembershipIn) -> str:
        return assessed(method, day, provision="blueprint/1", memberships=(member,)).level

    assert level("2024-01-01", signatory(role="observer")) == "no-evidence"
    assert level("2023-03-29", signatory()) == "no-evidence"
    assert level("2024-05-31", signatory(until="2024-06")) == "commitment"
    assert level("2024-06-01", signatory(until="2024-06")) == "no-evidence"


def test_a_measure_at_the_level_a_membership_implies_makes_it_the_highest_link(method):
    declared = measure("declared", "commitment", "2022", provision="blueprint/1")
    a = assessed(
        method,
        "2023-06-01",
        provision="blueprint/1",
        measures=(declared,),
        memberships=(signatory(),),
    )
    assert (a.level, a.rule) == ("commitment", "highest-link")
    assert {c.kind for c in a.contributions if c.decisive} == {"measure", "membership"}


@pytest.mark.parametrize(
    ("sources", "counts_from"),
    [
        ((SourceRef("https://a.example/", "secondary", P("2024-05-22"), "supports", P("2026-12")),),
         "2024-05-22"),  # reported before it was retrieved
        ((SourceRef("https://a.example/", "secondary", P("2025-02")),
          SourceRef("https://b.example/", "secondary", P("2024-05-22"))),
         "2024-05-22"),  # the earliest dated source
        ((SourceRef("https://a.example/", "secondary", retrieved=P("2026-12")),), "2026-12-31"),
        ((SourceRef("https://a.example/", "secondary"),), None),
    ],
)  # fmt: skip
def test_an_undated_membership_counts_from_its_earliest_report_else_its_retrieval(
    method, sources, counts_from
):
    member = signatory(None, sources=sources)
    levels = {
        day: assessed(method, day, provision="blueprint/1", memberships=(member,)).level
        for day in ("2024-05-21", "2024-05-22", "2026-12-30", "2026-12-31")
    }
    expected = {
        day: "commitment" if counts_from and day >= counts_from else "no-evidence" for day in levels
    }
    assert levels == expected


def test_an_override_sets_the_level_while_it_holds_and_keeps_what_the_rules_give(method):
    override = OverrideIn(
        "US", "blueprint/5", "not-applicable", "An editor's test override.",
        since=P("2022"), until=P("2024-01"), sources=(PRESS,),
    )  # fmt: skip
    measures = (measure("ofac", "partial"),)

    def on(day: str) -> Assessment:
        return assessed(method, day, measures=measures, overrides=(override,))

    assert on("2022-12-30").rule == "highest-link"  # from the last day of 2022
    held = on("2022-12-31")
    assert (held.level, held.rule, held.derived, held.confidence) == (
        "not-applicable",
        "override",
        False,
        None,
    )
    assert held.text == "Set by the editors: An editor's test override."
    assert [c.id for c in held.contributions] == ["ofac"]
    assert held.override == {
        "level": "not-applicable",
        "rationale": "An editor's test override.",
        "sources": ["https://press.example/story"],
        "derived_level": "partial",
        "derived_rule": "highest-link",
    }
    assert on("2024-01-01").rule == "highest-link"  # not from the first day of its end month


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ((OFFICIAL,), "high"),
        ((SourceRef("https://law.example/text", "reprint"),), "high"),
        ((PRESS, OTHER_PRESS), "medium"),  # two independent publishers
        ((PRESS, SourceRef("https://press.example/other-story", "secondary")), "low"),
        ((OTHER_PRESS, SourceRef("https://other-press.example/again", "secondary")), "low"),
        ((PRESS,), "low"),
        ((PRESS, DENIAL), "low"),  # a source that disputes it does not support it
        ((SourceRef("https://gov.example/order", "primary", stance="disputes"),), "low"),
    ],
)
def test_the_confidence_grade_counts_primary_and_independent_supporting_sources(
    method, sources, expected
):
    assert grade(method, sources) == expected
