"""The label of a measure's latest revision shows beside it on `/changes/`, in its JSON twin
and in the site's Atom feeds."""

from __future__ import annotations

import pytest

from mercwatch.store.writes import apply
from mercwatch.tracker.models import Measure

pytestmark = pytest.mark.django_db
CHANGES = "/changes/?since=2000-01-01"


def _cause(client) -> str:
    body = client.get("/changes.json?since=2000-01-01").json()
    first = next(c for c in body["changes"] if c["cause_labels"])
    cause: str = next(iter(first["cause_labels"]))
    return cause


def test_changes_and_feeds_show_the_label_of_each_measure_s_latest_revision(client, mini_db):
    cause = _cause(client)
    title = Measure.objects.get(id=cause).title
    html = client.get(CHANGES).content.decode()
    assert f'{title}</a> <span class="label label-new-measure">(New measure)</span>' in html
    assert f"{title} (New measure)" in client.get("/changes/feed.atom").content.decode()

    def reword() -> None:
        measure = Measure.objects.get(id=cause)
        measure.summary = measure.summary + " Reworded."
        measure.save()

    apply(reword, reason="the summary was unclear", label="correction")
    html = client.get(CHANGES).content.decode()
    assert f'{title}</a> <span class="label label-correction">(Correction)</span>' in html
    body = client.get("/changes.json?since=2000-01-01").json()
    labelled = [c["cause_labels"][cause] for c in body["changes"] if cause in c["cause_labels"]]
    assert labelled
    assert set(labelled) == {"correction"}
    feed = client.get("/changes/feed.atom").content.decode()
    assert f"{title} (Correction)" in feed
