"""Every record has a history page – who, when, why (reason and label), field by field before
and after – with its JSON twin; a deleted record's page still answers, with its last state and
its retraction; the record pages link to their history."""

from __future__ import annotations

import pytest

from mercwatch.market.models import Relationship
from mercwatch.store.writes import apply
from mercwatch.tracker.models import Citation, Link, Measure

pytestmark = pytest.mark.django_db

PAGES = {
    "actor": "/history/actors/US/",
    "measure": "/history/measures/fr-call/",
    "source": "/history/sources/src-press/",
    "framework": "/history/frameworks/joint-statement/",
    "provision": "/history/provisions/blueprint/4/",
    "membership": "/history/memberships/joint-statement/FR/",
    "override": "/history/overrides/DE/blueprint/6/",
}


def _retitle(title: str) -> None:
    measure = Measure.objects.get(id="fr-call")
    measure.title = title
    measure.save()


def test_every_kind_of_record_has_a_history_page_and_a_twin(client, mini_db):
    for kind, path in PAGES.items():
        page = client.get(path)
        assert page.status_code == 200, path
        assert "New measure" in page.content.decode(), path  # the load that added it
        twin = client.get(path.rstrip("/") + ".json")
        assert twin.status_code == 200, path
        body = twin.json()
        assert body["record"]["kind"] == kind
        assert not body["record"]["deleted"]
        assert body["revisions"][0]["label"] == "new-measure"


def test_a_relationship_has_a_history_page(client, mini_db):
    def relate() -> None:
        tie = Relationship.objects.create(
            subject_id="vendor-one", kind="owner", object_id="acme", position=0
        )
        Citation.objects.create(source_id="src-press", relationship=tie, position=0)

    apply(relate, reason="the registry says so", label="new-evidence")
    page = client.get("/history/relationships/vendor-one/owner/acme/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vendor One" in html
    assert "the registry says so" in html
    assert "New evidence" in html
    assert client.get("/history/relationships/acme/owner/vendor-one/").status_code == 404


def test_an_edit_shows_who_when_why_and_each_field_before_and_after(
    client, mini_db, django_user_model
):
    editor = django_user_model.objects.create_user("ada", first_name="Ada", last_name="Lovelace")
    apply(lambda: _retitle("A moratorium call"), reason="the text's own words", user=editor,
          label="correction")  # fmt: skip
    html = client.get(PAGES["measure"]).content.decode()
    newest = html.index("the text&#x27;s own words")
    assert html.index("Ada Lovelace") > html.index("2 revisions")
    assert "Correction" in html[newest - 400 : newest]
    assert "<del>A call for a moratorium</del>" in html
    assert "<ins>A moratorium call</ins>" in html
    body = client.get("/history/measures/fr-call.json").json()
    latest = body["revisions"][0]
    assert (latest["by"], latest["reason"], latest["label"]) == (
        "Ada Lovelace",
        "the text's own words",
        "correction",
    )
    (change,) = latest["changes"]
    assert change["action"] == "changed"
    assert change["own"]
    assert change["fields"] == {
        "title": {"before": "A call for a moratorium", "after": "A moratorium call"}
    }
    assert body["state"]["title"] == "A moratorium call"


def test_a_contributor_credited_anonymously_is_shown_as_an_editor(
    client, mini_db, django_user_model
):
    editor = django_user_model.objects.create_user("bob", first_name="Bob", last_name="Secret")
    editor.credit_anonymously = True
    apply(lambda: _retitle("A moratorium call"), reason="anonymous fix", user=editor)
    html = client.get(PAGES["measure"]).content.decode()
    assert "Bob" not in html
    assert "Secret" not in html
    assert client.get("/history/measures/fr-call.json").json()["revisions"][0]["by"] == (
        "an editor"
    )


def test_a_change_to_a_row_the_record_holds_shows_on_its_history(client, mini_db):
    link = Link.objects.filter(measure_id="us-entity-list-2021").first()
    assert link is not None
    before = link.rationale

    def change() -> None:
        link.rationale = "A clearer rationale."
        link.save()

    apply(change, reason="clearer", label="correction")
    html = client.get("/history/measures/us-entity-list-2021/").content.decode()
    assert "Link to" in html
    assert f"<del>{before}</del>" in html
    assert "<ins>A clearer rationale.</ins>" in html


def test_a_deleted_record_keeps_its_history_with_its_last_state_and_the_retraction(client, mini_db):
    apply(lambda: Measure.objects.get(id="fr-call").delete(), reason="withdrawn by the source",
          label="correction")  # fmt: skip
    assert client.get("/measures/fr-call/").status_code == 404
    page = client.get(PAGES["measure"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "This record was retracted" in html
    assert "Its last state" in html
    assert "A call for a moratorium" in html  # its last title
    assert "withdrawn by the source" in html
    assert "Retraction" in html
    body = client.get("/history/measures/fr-call.json").json()
    assert body["record"]["deleted"]
    assert body["record"]["page"] is None
    assert body["revisions"][0]["label"] == "retraction"
    assert body["revisions"][0]["changes"][0]["action"] == "deleted"


def test_a_record_never_written_has_no_history(client, mini_db):
    assert client.get("/history/measures/no-such-measure/").status_code == 404
    missing = client.get("/history/measures/no-such-measure.json")
    assert missing.status_code == 404
    assert missing["Content-Type"].startswith("application/problem+json")


def test_a_long_history_is_paged(client, mini_db):
    for n in range(55):
        apply(lambda n=n: _retitle(f"Title {n}"), reason=f"edit {n}")  # type: ignore[misc]
    first = client.get("/history/measures/fr-call.json").json()
    assert (first["pages"], first["total"]) == (2, 56)
    second = client.get("/history/measures/fr-call/page/2.json").json()
    assert second["revisions"][-1]["label"] == "new-measure"
    assert client.get("/history/measures/fr-call/page/3/").status_code == 404


def test_the_record_pages_link_to_their_history(client, mini_db):
    for page, history in (
        ("/measures/fr-call/", PAGES["measure"]),
        ("/sources/src-press/", PAGES["source"]),
        ("/provisions/blueprint/4/", PAGES["provision"]),
        ("/governments/US/", PAGES["actor"]),
        ("/vendors/vendor-one/", "/history/actors/vendor-one/"),
    ):
        html = client.get(page).content.decode()
        assert f'href="{history}"' in html, page
        assert client.get(history).status_code == 200, history


def test_a_field_its_model_marks_private_never_shows_in_a_history(client, mini_db, monkeypatch):
    monkeypatch.setattr(Measure, "PRIVATE_FIELDS", ("note",), raising=False)

    def note() -> None:
        measure = Measure.objects.get(id="fr-call")
        measure.note = "Contact: planted-private-value"
        measure.title = "A moratorium call"
        measure.save()

    apply(note, reason="a note", label="correction")
    for path in (PAGES["measure"], "/history/measures/fr-call.json"):
        text = client.get(path).content.decode()
        assert "planted-private-value" not in text, path
        assert "A moratorium call" in text, path
