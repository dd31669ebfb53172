"""The edition pages and their JSON twins, the stored files, the feed of editions, and the
reviewer's forms (freeze, publish), with who may use them."""

from __future__ import annotations

import hashlib
from typing import Any

import feedparser
import pytest
from django.test import Client

from mercwatch.store.writes import apply
from mercwatch.tracker.models import Measure
from mercwatch.workflow import editions, gate
from mercwatch.workflow.models import FrozenEdition
from tests.datasets import loaded
from tests.workflow.conftest import DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_reviewer(reviewer: Any) -> Client:
    client = Client()
    client.force_login(reviewer)
    return client


def test_the_edition_page_gives_its_citation_and_its_files(client, first: FrozenEdition):
    page = client.get(f"/editions/{first.id}/").content.decode()
    assert first.title in page
    assert first.id in page
    assert first.sha256 in page
    assert f"mercwatch contributors. {first.title}. mercwatch, edition {first.id}" in page
    twin = client.get(f"/editions/{first.id}.json").json()
    assert twin["citation"]["identifier"] == first.id
    assert twin["citation"]["url"].endswith(f"/editions/{first.id}/")
    assert len(twin["files"]) == first.files.count()
    for item in twin["files"]:
        got = client.get(item["url"].removeprefix("http://testserver"))
        assert got.status_code == 200
        assert hashlib.sha256(got.content).hexdigest() == item["sha256"]
        assert got["ETag"] == f'"{item["sha256"]}"'


def test_the_list_shows_published_editions_and_drafts_to_reviewers_only(
    client, as_reviewer, first: FrozenEdition
):
    apply(_touch, reason="Correct the summary")
    draft = editions.freeze(title="A draft", day=DAY)
    assert [e["id"] for e in client.get("/editions.json").json()["editions"]] == [first.id]
    assert client.get(f"/editions/{draft.id}/").status_code == 404
    shown = [e["id"] for e in as_reviewer.get("/editions.json").json()["editions"]]
    assert shown == [draft.id, first.id]
    assert as_reviewer.get(f"/editions/{draft.id}/").status_code == 200


def _touch() -> None:
    measure = Measure.objects.get(id="fr-call")
    measure.summary = "Another summary."
    measure.save()


@pytest.fixture
def with_record(mini_dir: Any, write: Any, db: Any, django_db_blocker: Any) -> Any:
    """The mini dataset with an edition record, loaded."""
    write("editions.yaml", EDITIONS)
    yield from loaded(mini_dir, django_db_blocker)


def test_an_edition_records_id_leads_to_the_edition_that_froze_it(client, with_record):
    frozen = gate.publish(editions.freeze(title="January 2022", view="2022-01"))
    moved = client.get("/editions/2022-01/")
    assert moved.status_code == 302
    assert moved["Location"] == f"/editions/{frozen.id}/"
    assert client.get("/api/v1/editions/2022-01").json()["id"] == frozen.id


EDITIONS = """\
editions:
  - id: 2022-01
    title: January 2022
    as_of: '2022-01-01'
    published: '2022-01-02'
    methodology: '2026.1'
"""


def test_the_diff_page_and_its_twin(client, first: FrozenEdition):
    apply(_touch, reason="Correct the summary")
    second = editions.freeze(title="Second", day=DAY)
    gate.publish(second)
    page = client.get(f"/editions/{first.id}/diff/{second.id}/").content.decode()
    assert "A call for a moratorium" in page
    assert "Correct the summary" in page
    twin = client.get(f"/editions/{first.id}/diff/{second.id}.json").json()
    assert twin["measures"][0]["reasons"][0]["text"] == "Correct the summary"
    assert client.get(f"/editions/{first.id}/diff/nope/").status_code == 404
    assert second.since_previous == {
        "edition": first.id, "rose": 0, "fell": 0, "changed": 0, "added": 0, "retracted": 0,
        "measures_changed": 1,
    }  # fmt: skip
    feed = feedparser.parse(client.get("/editions/feed.atom").content)
    assert [e.title for e in feed.entries] == ["Second", first.title]
    assert "Since “January 2026”: 0 statuses rose" in feed.entries[0].summary
    assert feed.entries[0].link.endswith(f"/editions/{first.id}/diff/{second.id}/")


def test_the_feed_has_one_entry_per_published_edition(client, first: FrozenEdition):
    feed = feedparser.parse(client.get("/editions/feed.atom").content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [first.title]


def test_a_reviewer_freezes_and_publishes_through_the_forms(as_reviewer, mini_db):
    form = as_reviewer.get("/editions/freeze/")
    assert form.status_code == 200
    made = as_reviewer.post("/editions/freeze/", {"title": "By form", "day": DAY.isoformat()})
    assert made.status_code == 302
    edition = FrozenEdition.objects.get()
    assert made["Location"] == f"/editions/{edition.id}/"
    assert edition.frozen_by is not None
    done = as_reviewer.post(f"/editions/{edition.id}/publish/", {"retractions": ""})
    assert done.status_code == 302
    assert FrozenEdition.objects.get().published_at is not None


def test_a_refused_publication_shows_each_reason(as_reviewer, first: FrozenEdition):
    from mercwatch.tracker.models import Actor, Membership, Override

    def drop() -> None:
        Override.objects.filter(actor_id="DE").delete()
        Membership.objects.filter(actor_id="DE").delete()
        Actor.objects.get(id="DE").delete()

    apply(drop, reason="Drop Germany")
    draft = editions.freeze(title="Next", day=DAY)
    refused = as_reviewer.post(f"/editions/{draft.id}/publish/", {"retractions": ""})
    assert refused.status_code == 409
    assert "the government DE" in refused.content.decode()
    wrong = as_reviewer.post(f"/editions/{draft.id}/publish/", {"retractions": "DE=gone"})
    assert "Line 1" in wrong.content.decode()
    done = as_reviewer.post(
        f"/editions/{draft.id}/publish/", {"retractions": "government:DE=Merged into the EU"}
    )
    assert done.status_code == 302
    assert FrozenEdition.objects.get(pk=draft.pk).published_at is not None


def test_a_freeze_with_a_day_in_the_future_is_refused_on_its_field(as_reviewer, mini_db):
    answer = as_reviewer.post("/editions/freeze/", {"title": "T", "day": "2999-01-01"})
    assert answer.status_code == 200
    assert "An edition is of today or a past day." in answer.content.decode()
    assert not FrozenEdition.objects.exists()


def test_only_reviewers_freeze(client, django_user_model, mini_db):
    assert client.get("/editions/freeze/")["Location"].startswith("/admin")  # sign in first
    staff = django_user_model.objects.create_user("staff", is_staff=True)
    client.force_login(staff)
    assert client.get("/editions/freeze/").status_code == 403
    assert client.post("/editions/freeze/", {"title": "T"}).status_code == 403
    assert not FrozenEdition.objects.exists()
