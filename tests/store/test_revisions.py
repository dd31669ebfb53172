"""Every write keeps a permanent revision – when, who, why (reason and label), what it touched –
named by each historical row it made; a write without a label gets one from what it did."""

from __future__ import annotations

import pytest
from django.apps import apps

from mercwatch.core.vocabulary import ChangeLabel
from mercwatch.store.current import data_version
from mercwatch.store.models import DataChange, Revision, RevisionRow
from mercwatch.store.revisions import credited, shown_credit
from mercwatch.store.writes import Refused, apply
from mercwatch.tracker.models import Actor, Link, Measure, Methodology
from tests.store.test_admin_writes import form_of

pytestmark = pytest.mark.django_db


def _rename(name: str) -> None:
    actor = Actor.objects.get(id="vendor-one")
    actor.name = name
    actor.save()


def test_a_write_keeps_its_revision_with_the_label_user_reason_and_historical_rows(
    mini_db, admin_user
):
    before = Revision.objects.count()
    apply(lambda: _rename("Vendor One SA"), reason="registry", user=admin_user, label="correction")
    assert Revision.objects.count() == before + 1
    revision = Revision.objects.latest("id")
    assert (revision.reason, revision.label, revision.user) == (
        "registry",
        "correction",
        admin_user,
    )
    assert revision.counter == data_version()[0]
    assert revision.records == [["actor", "vendor-one"]]
    (row,) = revision.rows.all()
    historical = apps.get_model(row.model).objects.get(history_id=row.history_id)
    assert (historical.id, historical.name) == ("vendor-one", "Vendor One SA")
    assert revision.credit == admin_user.get_username()


def test_an_unknown_label_is_refused_before_anything_is_written(mini_db):
    before = (data_version(), Revision.objects.count())
    with pytest.raises(ValueError, match="label: expected one of new-measure"):
        apply(lambda: _rename("Nope"), reason="test", label="because")
    assert (data_version(), Revision.objects.count()) == before
    assert Actor.objects.get(id="vendor-one").name == "Vendor One"


def test_a_refused_write_keeps_no_revision(mini_db):
    before = (Revision.objects.count(), RevisionRow.objects.count())
    link = Link.objects.filter(measure_id="us-entity-list-2021").first()
    assert link is not None

    def change() -> None:
        link.level = "magnificent"
        link.save()

    with pytest.raises(Refused):
        apply(change, reason="test", label="correction")
    assert (Revision.objects.count(), RevisionRow.objects.count()) == before


def test_a_write_without_a_label_is_labelled_by_what_it_did(mini_db):
    def label_of(change) -> str:
        apply(change, reason="test")
        return Revision.objects.latest("id").label

    assert label_of(lambda: _rename("Vendor One SA")) == ChangeLabel.CORRECTION

    def add() -> None:
        old = Measure.objects.get(id="fr-call")
        added = Measure.objects.create(
            id="fr-call-2", actor_id=old.actor_id, family=old.family, position=99,
            type=old.type, title="Another call", summary="A second call.", date=old.date,
        )  # fmt: skip
        for citation in old.citations.all():
            citation.pk, citation.measure = None, added
            citation.save()

    assert label_of(add) == ChangeLabel.NEW_MEASURE
    assert label_of(lambda: Measure.objects.get(id="fr-call-2").delete()) == ChangeLabel.RETRACTION

    def method() -> None:
        latest = Methodology.objects.order_by("version").last()
        assert latest is not None
        latest.document = latest.document + "\n"
        latest.save()

    assert label_of(method) == ChangeLabel.METHODOLOGY_CHANGE


def test_a_load_is_labelled_and_revisions_outlive_the_log_of_writes(mini_db, settings):
    first = Revision.objects.order_by("id").first()
    # The first load wrote the measures, the methodology and all: new measures first.
    assert first is not None
    assert first.label == ChangeLabel.NEW_MEASURE
    assert first.rows.count() > 10
    DataChange.KEEP, keep = 1, DataChange.KEEP
    try:
        apply(lambda: _rename("Vendor One SA"), reason="test")
        apply(lambda: _rename("Vendor One"), reason="test")
    finally:
        DataChange.KEEP = keep
    assert DataChange.objects.count() == 1
    assert Revision.objects.filter(id=first.id).exists()


def test_an_editor_credited_anonymously_is_shown_as_an_editor(mini_db, admin_user):
    admin_user.first_name, admin_user.last_name = "Ada", "Editor"
    assert credited(admin_user) == "Ada Editor"
    admin_user.credit_anonymously = True
    assert credited(admin_user) == ""
    apply(lambda: _rename("Vendor One SA"), reason="test", user=admin_user)
    revision = Revision.objects.latest("id")
    assert revision.credit == ""
    assert shown_credit(revision) == "an editor"
    assert shown_credit(None) == "an editor"


def test_the_back_office_asks_for_the_label_and_keeps_it(admin_client, admin_user, mini_db):
    url = "/admin/tracker/actor/vendor-one/change/"
    data = form_of(admin_client, url)
    assert data["change_label"] == ChangeLabel.CORRECTION  # offered, correction by default
    data.update(name="Vendor One Ltd", change_reason="their reply", change_label="right-of-reply")
    assert admin_client.post(url, data).status_code == 302
    revision = Revision.objects.latest("id")
    assert (revision.label, revision.reason, revision.user) == (
        "right-of-reply",
        "their reply",
        admin_user,
    )
    data.update(name="Vendor Uno", change_label="because")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Actor.objects.get(id="vendor-one").name == "Vendor One Ltd"


def test_a_deletion_in_the_back_office_is_a_retraction(admin_client, mini_db):
    url = "/admin/tracker/measure/fr-call/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Measure.objects.filter(id="fr-call").exists()
    assert Revision.objects.latest("id").label == ChangeLabel.RETRACTION
