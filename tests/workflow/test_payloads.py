"""Hostile values in an edition's free text (title, notes, a retraction's reason) and in the
reviewer's forms are shown escaped on every edition page, and in the feed as text."""

from __future__ import annotations

from typing import Any

import feedparser
import pytest
from django.test import Client

from mercwatch.store.writes import apply
from mercwatch.tracker.models import Provision
from mercwatch.workflow import editions, gate
from mercwatch.workflow.gate import Retraction
from tests.security.payloads import MARKUP, PAYLOADS, reflected
from tests.workflow.conftest import DAY

pytestmark = pytest.mark.django_db
HOSTILE = [p for p in PAYLOADS.values() if MARKUP & set(p)]


def test_an_editions_free_text_is_shown_escaped_everywhere(client, first, reviewer: Any):
    apply(lambda: Provision.objects.get(code="paris-call/9").delete(), reason="Withdrawn")
    title = " ".join(HOSTILE)[:200]
    draft = editions.freeze(title=title, notes=" | ".join(HOSTILE), day=DAY)
    gate.publish(draft, retractions=[Retraction("provision", "paris-call/9", " ".join(HOSTILE))])
    signed_in = Client()
    signed_in.force_login(reviewer)
    pages = ["/editions/", f"/editions/{draft.id}/", f"/editions/{first.id}/diff/{draft.id}/"]
    for path in pages:
        for who in (client, signed_in):
            text = who.get(path).content.decode()
            assert [p for p in HOSTILE if reflected(p, text)] == [], path
    feed = client.get("/editions/feed.atom").content.decode()
    assert feedparser.parse(feed).entries[0].title == title
    assert "<script>" not in feed


@pytest.mark.parametrize("payload", HOSTILE)
def test_the_reviewers_forms_show_hostile_values_escaped(reviewer: Any, first, payload: str):
    signed_in = Client()
    signed_in.force_login(reviewer)
    answer = signed_in.post(
        "/editions/freeze/", {"title": payload, "notes": payload, "day": payload}
    )
    assert answer.status_code == 200
    assert not reflected(payload, answer.content.decode())
    refused = signed_in.post(f"/editions/{first.id}/publish/", {"retractions": payload})
    assert refused.status_code < 500
    assert not reflected(payload, refused.content.decode())
