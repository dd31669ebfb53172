"""The API's editions: frozen ones with their citation, hash and files, and the diff of two."""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client

from mercwatch.store.writes import apply
from mercwatch.tracker.models import Measure
from mercwatch.workflow import editions, gate
from mercwatch.workflow.models import FrozenEdition
from tests.workflow.conftest import DAY

pytestmark = pytest.mark.django_db


def _retitle() -> None:
    measure = Measure.objects.get(id="fr-call")
    measure.title = "A call for a ban"
    measure.save()


def test_the_api_lists_frozen_editions_with_citation_hash_and_files(first: FrozenEdition):
    api = Client(HTTP_HOST="127.0.0.1")
    listed = api.get("/api/v1/editions").json()
    assert [e["id"] for e in listed["items"]] == [first.id]
    one = api.get(f"/api/v1/editions/{first.id}").json()
    assert one == listed["items"][0]
    assert one["frozen"] is True
    assert one["sha256"] == first.sha256
    assert one["as_of"] == DAY.isoformat()
    assert one["citation"]["identifier"] == first.id
    assert one["citation"]["text"].startswith("mercwatch contributors. January 2026.")
    item = one["files"][0]
    got = api.get(item["url"].removeprefix("http://127.0.0.1"))
    assert hashlib.sha256(got.content).hexdigest() == item["sha256"]


def test_the_api_diffs_two_editions_with_reasons(first: FrozenEdition):
    apply(_retitle, reason="Correct the title")
    second = gate.publish(editions.freeze(title="Second", day=DAY))
    api = Client(HTTP_HOST="127.0.0.1")
    doc = api.get(f"/api/v1/editions/{first.id}/diff/{second.id}").json()
    assert doc["from_edition"] == first.id
    assert doc["to_edition"] == second.id
    assert doc["measures"] == [
        {
            "change": "changed",
            "measure": "fr-call",
            "actor": "FR",
            "title": "A call for a ban",
            "fields": [
                {"field": "title", "before": "A call for a moratorium", "after": "A call for a ban"}
            ],
            "reasons": [doc["measures"][0]["reasons"][0]],
        }
    ]
    assert doc["measures"][0]["reasons"][0]["text"] == "Correct the title"
    assert api.get(f"/api/v1/editions/{second.id}").json()["previous"] == first.id


def test_an_unknown_or_unpublished_edition_is_a_404_problem(first: FrozenEdition):
    api = Client(HTTP_HOST="127.0.0.1")
    apply(_retitle, reason="Correct the title")
    draft = editions.freeze(title="Draft", day=DAY)
    for path in (f"/api/v1/editions/{draft.id}", f"/api/v1/editions/{first.id}/diff/{draft.id}"):
        answer = api.get(path)
        assert answer.status_code == 404
        assert answer["Content-Type"] == "application/problem+json"
