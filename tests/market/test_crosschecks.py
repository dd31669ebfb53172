"""The cross-checks (market/crosschecks.py): each rule on a snapshot built for it, where it must
find what it looks for and leave alone what only looks like it, and on the bundled data."""

from __future__ import annotations

from mercwatch.core.partial_dates import PartialDate
from mercwatch.market import crosschecks as rules
from mercwatch.tracker.snapshot import (
    Actor,
    Alias,
    Cite,
    Measure,
    Relationship,
    Snapshot,
    Source,
    Target,
)

D = PartialDate.parse


def _source(id_: str) -> Source:
    return Source(id_, "test", f"https://example.org/{id_}", "secondary", title=id_)


def _measure(id_: str, by: str, type_: str, date: str, *targets: Target) -> Measure:
    return Measure(
        id_,
        by,
        "government",
        type_,
        id_,
        "",
        D(date),
        sources=(Cite(f"src-{id_}"),),
        targets=targets,
    )


def built() -> Snapshot:
    """A designated vendor (designated 4 November 2021) with a contract before and after, an
    investor before and after, a parent, a successor and a former name; and an undesignated
    vendor with a contract, an investor and a successor of its own, named in a finding."""
    tie = (Cite("src-tie"),)
    actors = [
        Actor("US", "country", "United States"),
        Actor("FR", "country", "France"),
        Actor("acme", "company", "Acme"),
        Actor(
            "spy",
            "vendor",
            "Spy Ltd",
            aliases=(Alias("Old Spy", "former"), Alias("Spy", "alias")),
            sources=(Cite("src-spy"),),
            relationships=(Relationship("subsidiary", "parent", sources=tie),),
        ),
        Actor("parent", "vendor", "Parent Holdings"),
        Actor("clean", "vendor", "Clean Systems"),
        Actor(
            "fund-early",
            "vendor",
            "Early Fund",
            relationships=(Relationship("owner", "spy", D("2019-02"), sources=tie),),
        ),
        Actor(
            "fund-late",
            "vendor",
            "Late Fund",
            relationships=(Relationship("owner", "spy", D("2022-05"), sources=tie),),
        ),
        Actor(
            "fund-undated",
            "vendor",
            "Undated Fund",
            relationships=(Relationship("owner", "spy", sources=tie),),
        ),
        Actor(
            "fund-clean",
            "vendor",
            "Clean Fund",
            relationships=(Relationship("owner", "clean", D("2023"), sources=tie),),
        ),
        Actor(
            "spy-sub",
            "vendor",
            "Spy Subsidiary",
            relationships=(Relationship("subsidiary", "spy", D("2023-01-10"), sources=tie),),
        ),
        Actor(
            "spy-2",
            "vendor",
            "Spy Reborn",
            relationships=(Relationship("successor", "spy", note="Reported.", sources=tie),),
        ),
        Actor(
            "clean-2",
            "vendor",
            "Clean Again",
            relationships=(Relationship("successor", "clean", sources=tie),),
        ),
        Actor(
            "FR-agency",
            "country",
            "Gallia",
            relationships=(Relationship("customer", "spy", D("2022"), sources=tie),),
        ),
    ]
    measures = [
        _measure("designation", "US", "designation", "2021-11-04", Target("spy", "designated")),
        _measure("contract-before", "US", "procurement", "2021-06-01", Target("spy", "named")),
        _measure("contract-after", "US", "procurement", "2022-03-01", Target("spy", "named")),
        _measure("contract-2021", "FR", "procurement", "2021-11", Target("spy", "named")),
        _measure("contract-parent", "FR", "procurement", "2023-02-01", Target("parent", "named")),
        _measure("contract-clean", "US", "procurement", "2023-02-01", Target("clean", "named")),
        _measure("company-buys", "acme", "procurement", "2023-02-01", Target("spy", "named")),
        _measure("finding", "acme", "threat-report", "2022-11-30", Target("clean", "named")),
    ]
    ids = {c.source for m in measures for c in m.sources} | {"src-tie", "src-spy"}
    return Snapshot(
        actors={a.id: a for a in actors},
        measures={m.id: m for m in measures},
        sources={s: _source(s) for s in sorted(ids)},
    )


def test_a_government_contract_after_a_designation_is_found_and_one_before_is_not():
    found = rules.purchases_after_designation(built())
    by_record = {(c.subject, c.measure): c for c in found if c.measure}
    after = by_record[("US", "contract-after")]
    assert (after.vendor, after.earlier.measure, str(after.date), after.uncertain) == (
        "spy",
        "designation",
        "2022-03-01",
        False,
    )
    assert set(after.sources) == {"src-contract-after", "src-designation"}
    assert ("US", "contract-before") not in by_record
    assert ("US", "contract-clean") not in by_record  # its vendor is not designated
    assert ("acme", "company-buys") not in by_record  # a company, not a government


def test_a_contract_the_dates_cannot_order_is_kept_as_uncertain():
    found = rules.purchases_after_designation(built())
    (c,) = [c for c in found if c.measure == "contract-2021"]
    assert c.uncertain  # "November 2021" and 4 November 2021


def test_a_contract_with_the_parent_of_a_designated_vendor_names_the_path():
    (c,) = [c for c in rules.purchases_after_designation(built()) if c.measure == "contract-parent"]
    assert c.vendor == "parent"
    assert c.earlier.target == "spy"
    assert c.earlier.via is not None
    assert (c.earlier.via.subject, c.earlier.via.kind, c.earlier.via.object) == (
        "spy",
        "subsidiary",
        "parent",
    )
    assert {"spy", "parent", "FR"} <= c.actors


def test_a_contract_with_a_former_parent_after_the_tie_ended_is_not_found():
    data = built()
    spy = data.actors["spy"]
    ended = Relationship(
        "subsidiary", "parent", D("2019"), D("2022-06"), sources=(Cite("src-tie"),)
    )
    data = Snapshot(
        actors={**data.actors, "spy": Actor(spy.id, spy.kind, spy.name, relationships=(ended,))},
        measures=data.measures,
        sources=data.sources,
    )
    found = rules.purchases_after_designation(data)
    assert [c for c in found if c.measure == "contract-parent"] == []  # February 2023


def test_a_government_customer_tie_after_a_designation_is_found():
    (c,) = [c for c in rules.purchases_after_designation(built()) if c.tie is not None]
    assert c.tie is not None
    assert (c.subject, c.vendor, str(c.date), c.tie.kind) == (
        "FR-agency",
        "spy",
        "2022",
        "customer",
    )
    assert c.uncertain is False
    assert "src-tie" in c.sources


def test_an_investment_or_new_subsidiary_after_a_designation_is_found():
    found = rules.investments_after_designation(built())
    pairs = {(c.tie.subject, c.tie.kind, c.tie.object) for c in found if c.tie}
    assert ("fund-late", "owner", "spy") in pairs
    assert ("spy-sub", "subsidiary", "spy") in pairs
    assert ("fund-early", "owner", "spy") not in pairs  # before the designation
    assert ("fund-undated", "owner", "spy") not in pairs  # no date to order
    assert ("fund-clean", "owner", "clean") not in pairs  # not designated
    late = next(c for c in found if c.subject == "fund-late")
    assert (late.vendor, late.earlier.measure, str(late.date)) == ("spy", "designation", "2022-05")


def test_a_successor_and_a_former_name_of_a_designated_entity_are_found():
    found = rules.reappearances(built())
    successor = next(c for c in found if c.rule == rules.SUCCESSOR)
    assert (successor.subject, successor.vendor, successor.earlier.measure) == (
        "spy-2",
        "spy",
        "designation",
    )
    assert successor.tie is not None
    assert successor.tie.note == "Reported."
    renamed = next(c for c in found if c.rule == rules.RENAMED)
    assert (renamed.subject, renamed.former_name) == ("spy", "Old Spy")
    named = next(c for c in found if c.rule == rules.SUCCESSOR_OF_NAMED)
    assert (named.subject, named.vendor, named.earlier.measure, named.earlier.role) == (
        "clean-2",
        "clean",
        "finding",
        "named",
    )


def test_every_finding_concerns_both_of_its_actors():
    data = built()
    every = rules.crosschecks(data)
    assert {c.rule for c in every} == set(rules.RULES)
    for c in every:
        assert {c.subject, c.vendor} <= c.actors
        assert c in rules.concerning(c.subject, every)
        assert all(s in data.sources for s in c.sources)


def test_on_the_bundled_data_variston_reappears_as_paradigm_shift(bundled_data):
    found = rules.reappearances(bundled_data)
    pairs = {(c.subject, c.vendor, c.rule) for c in found}
    assert ("paradigm-shift", "variston-it", rules.SUCCESSOR_OF_NAMED) in pairs
    assert ("nexa-technologies", "amesys", rules.SUCCESSOR_OF_NAMED) in pairs
    variston = next(c for c in found if c.subject == "paradigm-shift")
    assert variston.earlier.measure == "google-tag-variston-heliconia-2022"
    assert "ceotoday-barcelona-spyware-2025" in variston.sources


def test_on_the_bundled_data_no_contract_or_investment_follows_a_designation(bundled_data):
    # ICE's contract with Paragon (September 2024) and AE Industrial's investment in Paragon
    # (2024) concern a vendor no one has designated; Novalpina bought into NSO Group in 2019,
    # before its designation in November 2021.
    assert rules.purchases_after_designation(bundled_data) == []
    assert rules.investments_after_designation(bundled_data) == []
    assert "us-ice-paragon-contract" in bundled_data.measures
