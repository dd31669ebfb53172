"""The canonical data: the same records give the same bytes, and read back as the same
snapshot."""

from __future__ import annotations

import json

import pytest

from mercwatch.tracker.snapshot import Listing, Snapshot
from mercwatch.workflow.canonical import CanonicalError, canonical, digest, snapshot_of


def test_canonical_data_reads_back_as_the_snapshot_it_was_made_of(bundled_data: Snapshot):
    body = canonical(bundled_data)
    assert snapshot_of(body) == bundled_data
    assert canonical(snapshot_of(body)) == body


def test_canonical_data_has_sorted_keys_and_a_stable_hash(bundled_data: Snapshot):
    body = canonical(bundled_data)
    document = json.loads(body)
    assert list(document) == sorted(document)
    assert list(document["files"]) == sorted(document["files"])
    assert digest(body) == digest(canonical(bundled_data))
    assert len(digest(body)) == 64


def test_a_changed_record_changes_the_hash(bundled_data: Snapshot):
    from dataclasses import replace

    measure = next(iter(bundled_data.measures.values()))
    changed = replace(
        bundled_data,
        measures={**bundled_data.measures, measure.id: replace(measure, title="Another title")},
    )
    assert digest(canonical(changed)) != digest(canonical(bundled_data))


def test_listings_are_kept_in_the_canonical_data(bundled_data: Snapshot):
    from dataclasses import replace

    listing = Listing("0000-1", "misp", "Some Vendor", aliases=("SV",), urls=("https://x.example",))
    with_listing = replace(bundled_data, listings={listing.id: listing})
    assert snapshot_of(canonical(with_listing)).listings == {listing.id: listing}


def test_canonical_data_of_another_format_is_refused(bundled_data: Snapshot):
    document = json.loads(canonical(bundled_data))
    document["format"] = 99
    with pytest.raises(CanonicalError, match="format 99"):
        snapshot_of(json.dumps(document).encode())


def test_canonical_data_with_a_broken_record_is_refused(bundled_data: Snapshot):
    document = json.loads(canonical(bundled_data))
    path = next(p for p in document["files"] if p.startswith("measures/"))
    document["files"][path]["measures"][0]["colour"] = "red"
    with pytest.raises(CanonicalError, match="colour"):
        snapshot_of(json.dumps(document).encode())
