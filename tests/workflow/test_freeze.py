"""Freezing: the edition stores its data and every export built from it, is named by its date
and its data's hash, and never changes after a later correction."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from mercwatch.exports.registry import exporters
from mercwatch.store.current import current_snapshot
from mercwatch.store.writes import OutsideWritePath, apply
from mercwatch.tracker.models import Measure
from mercwatch.workflow import editions
from mercwatch.workflow.canonical import canonical, digest
from mercwatch.workflow.editions import EditionError
from mercwatch.workflow.models import EditionFile, FrozenEdition, ImmutableEdition
from tests.workflow.conftest import DAY

pytestmark = pytest.mark.django_db


def _retitle() -> None:
    measure = Measure.objects.get(id="fr-call")
    measure.title = "A corrected title"
    measure.save()


def test_an_edition_is_named_by_its_date_and_its_datas_hash(first: FrozenEdition):
    sha = digest(first.canonical.encode())
    assert first.sha256 == sha
    assert first.id == f"{DAY.isoformat()}-{sha[:8]}"
    assert first.canonical.encode() == canonical(current_snapshot())


def test_an_edition_stores_every_format_with_its_sha256(first: FrozenEdition):
    files = list(first.files.all())
    assert [f.format for f in files] == list(exporters())
    for f in files:
        assert hashlib.sha256(bytes(f.content)).hexdigest() == f.sha256
        assert f.size == len(bytes(f.content))
        assert first.id in f.filename


def test_a_later_correction_leaves_a_frozen_edition_as_it_was(first: FrozenEdition, client):
    url = f"/editions/{first.id}/"
    page_before = client.get(url).content
    stored = {f.format: bytes(f.content) for f in first.files.all()}
    apply(_retitle, reason="Correct the title")
    again = FrozenEdition.objects.get(pk=first.pk)
    assert again.canonical == first.canonical
    assert again.sha256 == first.sha256
    assert {f.format: bytes(f.content) for f in again.files.all()} == stored
    assert "A corrected title" not in editions.stored_snapshot(again).measures["fr-call"].title
    assert client.get(url).content == page_before
    # …and the next freeze holds the correction, under another identifier.
    later = editions.freeze(title="Later", day=DAY)
    assert later.id != first.id
    assert editions.stored_snapshot(later).measures["fr-call"].title == "A corrected title"


def test_the_same_data_on_the_same_day_is_frozen_once(first: FrozenEdition):
    with pytest.raises(EditionError, match=first.id):
        editions.freeze(title="Again", day=DAY)


def test_a_published_edition_refuses_every_change(first: FrozenEdition):
    def retitle() -> None:
        first.title = "Another title"
        first.save()

    with pytest.raises(ImmutableEdition):
        apply(retitle, reason="test")

    def refile() -> None:
        f = first.files.first()
        assert f is not None
        f.content = b"other bytes"
        f.save()

    with pytest.raises(ImmutableEdition):
        apply(refile, reason="test")
    assert FrozenEdition.objects.get(pk=first.pk).title == "January 2026"


def test_an_edition_is_saved_through_the_write_path_only(first: FrozenEdition):
    with pytest.raises(OutsideWritePath):
        EditionFile.objects.create(
            edition=first, position=99, format="x", filename="x", media_type="x", size=0,
            sha256="", content=b"",
        )  # fmt: skip


def test_a_freeze_is_a_revision_with_its_reason_and_user(first: FrozenEdition, reviewer: Any):
    revision = first.history.earliest()
    assert revision.history_change_reason.startswith(f"Freeze the edition {first.id}")
    assert revision.history_user == reviewer
    assert first.history.latest().history_change_reason == f"Publish the edition {first.id}"


@pytest.mark.parametrize(
    ("given", "message"),
    [({"title": " "}, "needs a title"), ({"title": "T", "view": "no-such"}, "no edition record")],
)
def test_a_freeze_with_bad_input_says_why_and_stores_nothing(mini_db, given, message):
    with pytest.raises(EditionError, match=message):
        editions.freeze(day=DAY, **given)
    assert not FrozenEdition.objects.exists()


def test_a_freeze_of_a_future_day_is_refused(mini_db):
    import datetime as dt

    with pytest.raises(EditionError, match="future"):
        editions.freeze(title="T", day=dt.date.today() + dt.timedelta(days=1))
