"""The matcher: scores that rank, reasons a reviewer reads, imported listings as candidates,
and the index built once per data version."""

from __future__ import annotations

import dataclasses

from mercwatch.screening.index import build, index_for
from mercwatch.screening.matcher import match
from mercwatch.screening.names import analyse
from mercwatch.tracker.snapshot import Actor, Alias, Listing, Snapshot


def _data() -> Snapshot:
    actors = {
        "acme": Actor("acme", "vendor", "Acme Intrusion", country="IL",
                      aliases=(Alias("Acme Intrusion Ltd", "legal"), Alias("Old Acme", "former"),
                               Alias("AcmeSpy", "alias"))),
        "acme-int": Actor("acme-int", "vendor", "Acme Intrusion International", country="CY"),
        "jane": Actor("jane", "person", "Jane Roe Doe"),
        "gov": Actor("gov", "country", "Acme Intrusion"),  # not a kind screened against
    }  # fmt: skip
    listings = {
        "uuid-1": Listing("uuid-1", "misp-galaxy", "Zeta Surveil", aliases=("Zeta Labs",)),
    }
    return Snapshot(actors=actors, listings=listings)


def test_near_identical_candidates_do_not_all_saturate():
    index = build(_data())
    name = match("Acme Intrusion", index)[0].score
    legal = match("Acme Intrusion Ltd", index)[0].score
    alias = match("AcmeSpy", index)[0].score
    former = match("Old Acme", index)[0].score
    no_form = match("Acme Intrusion S.A.", index)[0].score
    order = match("Intrusion Acme", index)[0].score
    fuzzy = match("Acme Intrusoin", index)[0].score
    assert 1.0 > name > legal > alias >= former > order > fuzzy
    assert name > no_form > order
    hits = match("Acme Intrusion", index)
    assert [h.entry.candidate for h in hits] == ["acme", "acme-int"]  # the exact name first
    assert hits[0].score > hits[1].score


def test_each_reason_names_what_agreed():
    index = build(_data())
    (hit, *_rest) = match("Acme Intrusion Ltd.", index)
    assert hit.reasons[0] == "agrees with its legal name “Acme Intrusion Ltd”"
    reasons = match("Intrusoin Acme", index)[0].reasons
    assert "word order differs" in reasons
    assert "spelling differs by 1 letter(s) (edit distance 1)" in reasons
    assert "initials agree" in match("J. R. Doe", index)[0].reasons
    assert "transliterated from Cyrillic" in match("Акме Интружн", index)[0].reasons


def test_the_country_agreeing_ranks_a_candidate_up_and_differing_down():
    index = build(_data())
    agrees = match("Acme Intrusion", index, country="IL")[0]
    differs = match("Acme Intrusion", index, country="FR")[0]
    assert agrees.score > differs.score
    assert "country agrees: Israel" in agrees.reasons
    assert "country differs: France given, Israel on record" in differs.reasons


def test_an_imported_listing_is_a_candidate_and_says_so():
    index = build(_data())
    (hit,) = [h for h in match("Zeta Labs", index) if h.score >= 0.85]
    assert (hit.entry.candidate, hit.entry.listed, hit.entry.how) == ("uuid-1", True, "alias")


def test_only_vendors_companies_and_persons_are_candidates():
    assert {e.candidate for e in build(_data()).entries} == {"acme", "acme-int", "jane", "uuid-1"}


def test_the_legal_forms_of_the_curated_table_and_of_rigour_are_removed():
    assert analyse("Candiru S.à r.l.").tokens == ("candiru",)
    assert analyse("Cytrox Holdings Zrt").tokens == ("cytrox", "holdings")
    assert analyse("АО Позитив").tokens == ("pozitiv",)
    assert analyse("Tykelab AD").legal == ("ad",)
    assert analyse("SA").tokens == ("sa",)  # a name that is only a legal form keeps it


def test_the_index_is_built_once_per_version():
    data = _data()
    first = index_for(data, ("v", 1))
    assert index_for(data, ("v", 1)) is first
    other = dataclasses.replace(data, listings={})
    assert index_for(other, ("v", 2)) is not first
    assert index_for(data) is index_for(data)  # keyed on the snapshot itself when unversioned
