"""`mercwatch import misp-galaxy`: entries as listings, idempotent, curated fields kept, bad
input refused with nothing written."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mercwatch.market.imports import misp_galaxy
from mercwatch.market.imports.errors import BadInput
from mercwatch.market.imports.listings import plan, write
from mercwatch.market.imports.matching import match, normalised
from mercwatch.market.models import Listing
from mercwatch.store.current import current_snapshot
from tests.market.galaxy import GALAXY, HOLDINGS, VENDOR_ONE, counts, run

pytestmark = pytest.mark.django_db


def test_every_entry_becomes_a_listing_with_its_names_references_and_ties():
    galaxy = misp_galaxy.read_galaxy(GALAXY)
    assert galaxy.version == "7"
    assert len(galaxy.listings) == 4
    one = galaxy.listings[VENDOR_ONE]
    assert one.inventory == "misp-galaxy"
    assert one.name == "Vendor One S.A."
    assert one.aliases == ("V1",)  # the name itself is not an alias
    assert one.urls == ("https://example.org/vendor-one-report",)
    assert one.websites == ("https://vendor-one.example/",)
    [tie] = one.ties  # the edge to another cluster is left out, counted
    assert (tie.kind, tie.object, tie.confidence) == ("subsidiary", HOLDINGS, "likely")
    assert tie.note == "the MISP galaxy: is-acquired-by"
    assert galaxy.outside_ties == 1
    holdings = galaxy.listings[HOLDINGS]
    assert holdings.country == "IL"
    assert holdings.ties[0].kind == ""  # no kind of ours fits "is-allied-with": kept as a note
    assert holdings.ties[0].note == "the MISP galaxy: is-allied-with"


def test_names_match_after_case_accents_punctuation_and_legal_form():
    assert normalised("Vendor One S.A.") == normalised("vendor one") == "vendor one"
    assert normalised("NSO Group Technologies Ltd.") == "nso group technologies"
    assert normalised("Intellexa S.A.") == "intellexa"
    assert normalised("Cytrox Holdings Zrt") == "cytrox holdings"
    assert normalised("Çelik Ltd") == "celik"


def test_entries_are_matched_to_curated_vendors_and_companies_and_near_ones_reported(mini_db):
    found = match(misp_galaxy.read_galaxy(GALAXY).listings.values(), current_snapshot())
    assert found.matched == {
        VENDOR_ONE: "vendor-one",
        "7a1f3c5e-9b2d-4c8e-a6f0-3b5d7e9f1a2c": "acme",
    }
    assert [(n.listed_name, n.actor) for n in found.near] == [("Vendor Onne", "vendor-one")]


def test_import_counts_and_a_second_import_changes_nothing(mini_db):
    first = counts(run("misp-galaxy", str(GALAXY)))
    # The mini data lists two of the four already (as the galaxy gave them then).
    assert first["created"] == 2
    assert first["created"] + first["updated"] + first["unchanged"] == 4
    assert Listing.objects.count() == 4
    assert Listing.objects.get(pk=VENDOR_ONE).actor_id == "vendor-one"
    second = counts(run("misp-galaxy", str(GALAXY)))
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, 4)
    assert second["conflicting"] == 0
    revisions = Listing.history.filter(id=VENDOR_ONE).latest("history_date")
    assert revisions.history_change_reason.startswith("import of the MISP galaxy")


def test_a_dry_run_writes_nothing(mini_db):
    before = Listing.objects.count()
    out = run("misp-galaxy", str(GALAXY), "--dry-run")
    assert "dry run: nothing written" in out
    assert Listing.objects.count() == before


def test_a_curated_field_is_never_overwritten_and_the_conflict_is_listed(mini_db):
    data = current_snapshot()
    mine = replace(data.listings[HOLDINGS], name="Listed Holdings plc", curated=("name",))
    edited = plan("misp-galaxy", {**data.listings, HOLDINGS: mine}, data)
    edited.listings[HOLDINGS] = mine  # as an editor leaves it
    write(edited, reason="an editor names the entry as its register does")
    out = run("misp-galaxy", str(GALAXY))
    assert counts(out)["conflicting"] == 1
    assert "conflict: Listed Holdings plc" in out
    assert "kept 'Listed Holdings plc', the inventory says 'Listed Holdings'" in out
    kept = Listing.objects.get(pk=HOLDINGS)
    assert kept.name == "Listed Holdings plc"
    assert kept.curated == ["name"]
    assert counts(run("misp-galaxy", str(GALAXY)))["updated"] == 0  # and stays so


def test_an_import_never_changes_a_curated_actor(mini_db):
    before = current_snapshot().actors
    run("misp-galaxy", str(GALAXY))
    assert current_snapshot().actors == before


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"values": [', "line 1: not JSON"),
        ('{"name": "no values"}', "expected a MISP galaxy cluster"),
        ('{"values": [{"value": "No Key"}]}', "entry 1 ('No Key'): no uuid"),
        ('{"values": [{"uuid": "1d3f5a7c-0000-4000-8000-000000000001"}]}', "entry 1 ('1d3f"),
        (
            '{"values": [{"uuid": "1d3f5a7c-0000-4000-8000-000000000001", "value": "X",'
            ' "meta": {"refs": ["not a url"]}}]}',
            "entry 1 ('X'): urls[0]",
        ),
    ],
)
def test_bad_input_names_the_file_and_entry_and_writes_nothing(mini_db, tmp_path, text, said):
    path = tmp_path / "cluster.json"
    path.write_text(text, encoding="utf-8")
    before = list(Listing.objects.order_by("pk").values())
    with pytest.raises(BadInput) as raised:
        misp_galaxy.read_galaxy(path)
    assert str(path) in str(raised.value)
    assert said in str(raised.value)
    with pytest.raises(SystemExit):
        run("misp-galaxy", str(path))
    assert list(Listing.objects.order_by("pk").values()) == before


def test_an_entry_without_a_name_is_refused_by_name_of_its_key(tmp_path):
    path = tmp_path / "cluster.json"
    doc = json.loads(GALAXY.read_text())
    doc["values"][2]["value"] = " "
    path.write_text(json.dumps(doc))
    with pytest.raises(BadInput, match=r"entry 3 \('7a1f3c5e.*'\): no name"):
        misp_galaxy.read_galaxy(path)


def test_the_galaxy_shipped_in_pymispgalaxies_reads_and_matches_the_bundled_vendors(
    bundled_data,
):
    path = misp_galaxy.default_path()
    assert path.is_file(), path
    galaxy = misp_galaxy.read_galaxy(Path(path))
    assert len(galaxy.listings) >= 600
    found = match(galaxy.listings.values(), bundled_data)
    vendors = {a for a in found.matched.values() if bundled_data.actors[a].kind == "vendor"}
    assert len(vendors) >= 23
    assert found.matched[next(k for k, x in galaxy.listings.items() if x.name == "NSO group")] == (
        "nso-group"
    )


def test_the_bundled_data_carries_the_galaxy(bundled_data):
    listed = [x for x in bundled_data.listings.values() if x.inventory == "misp-galaxy"]
    assert len(listed) == 615
    assert sum(1 for x in listed if x.actor) == 30
