"""A worker freezes what a whole read gave it out of the garbage collector's full collections,
once per whole read, and only then (store/current.py `settle`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from django.test import override_settings

from mercwatch.store import current
from mercwatch.store.writes import apply
from mercwatch.tracker.models import Link, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process goes on collecting everything


def _renote() -> None:  # a membership: readers read the whole database again
    membership = Membership.objects.order_by("pk").first()
    assert membership is not None
    membership.note = f"{membership.note} again"
    membership.save()


def _relevel() -> None:  # a link: readers patch their snapshot
    link = Link.objects.order_by("pk").first()
    assert link is not None
    link.level = "partial" if link.level != "partial" else "enforced"
    link.save()


@override_settings(FREEZE_SNAPSHOTS=True)
def test_a_whole_read_is_frozen_once_and_a_patch_is_not(mini_db, unfrozen, client):
    assert client.get("/").status_code == 200
    current.settle()
    gc.unfreeze()
    apply(_renote, reason="test: read whole next")
    assert client.get("/").status_code == 200  # the request's end settles the whole read
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    current.settle()
    assert gc.get_freeze_count() == 0  # once per whole read
    apply(_relevel, reason="test: patched next")
    assert client.get("/").status_code == 200
    assert gc.get_freeze_count() == 0  # a patch holds few new objects: nothing frozen


def test_nothing_is_frozen_when_the_setting_is_off(mini_db, unfrozen, client):
    apply(_renote, reason="test: read whole next")
    assert client.get("/").status_code == 200
    current.settle()
    assert gc.get_freeze_count() == 0
