"""Every back-office save goes through the write path: checked, with a reason, or refused."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from mercwatch.store.current import data_version
from mercwatch.tracker.models import Actor, Link, Measure

pytestmark = pytest.mark.django_db


class _Form(HTMLParser):
    """The values the browser would send for the admin's change form."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, Any] = {}
        self._in_form = False
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button"}:
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.values[name] = "on"
            else:
                self.values[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data


def form_of(client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200
    parser = _Form()
    parser.feed(response.content.decode())
    parser.values.pop("csrfmiddlewaretoken", None)
    return parser.values


def site_answers(client) -> None:
    for url in ("/", "/governments/US/", "/api/v1/assessments?actor=US"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "url",
    [
        "/admin/tracker/source/src-primary/change/",
        "/admin/tracker/measure/us-entity-list-2021/change/",
        "/admin/tracker/framework/blueprint/change/",
    ],
)
def test_saving_an_unchanged_record_works_and_keeps_the_reason(admin_client, mini_db, url):
    data = form_of(admin_client, url)
    data["change_reason"] = "checked the record"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_edit_is_kept_with_its_reason_and_user(admin_client, admin_user, mini_db):
    url = "/admin/tracker/actor/vendor-one/change/"
    data = form_of(admin_client, url)
    before = data_version()
    data.update(name="Vendor One Ltd", change_reason="the registry's spelling")
    assert admin_client.post(url, data).status_code == 302
    last = Actor.history.filter(id="vendor-one").latest("history_date")
    assert (last.name, last.history_change_reason) == ("Vendor One Ltd", "the registry's spelling")
    assert last.history_user == admin_user
    assert data_version()[0] == before[0] + 1


def test_an_edit_without_a_reason_is_refused_and_changes_nothing(admin_client, mini_db):
    url = "/admin/tracker/actor/vendor-one/change/"
    data = form_of(admin_client, url)
    data["name"] = "Renamed"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert Actor.objects.get(id="vendor-one").name != "Renamed"


def test_a_bad_country_code_is_refused_on_its_field_and_the_site_keeps_answering(
    admin_client, client, mini_db
):
    url = "/admin/tracker/actor/US/change/"
    data = form_of(admin_client, url)
    before = data_version()
    data.update(iso_alpha3="us1", change_reason="typo test")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert ("Refused" in page and "iso_alpha3" in page) or "pattern" in page
    assert Actor.objects.get(id="US").iso_alpha3 == "USA"
    assert data_version() == before
    site_answers(client)


def test_an_unknown_link_level_is_refused_and_the_site_keeps_answering(
    admin_client, client, mini_db
):
    url = "/admin/tracker/measure/us-entity-list-2021/change/"
    data = form_of(admin_client, url)
    level = next(k for k in data if k.startswith("links-") and k.endswith("-level"))
    data.update({level: "magnificent", "change_reason": "level test"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "&#x27;magnificent&#x27; is not a link level" in page
    assert "magnificent" not in set(Link.objects.values_list("level", flat=True))
    site_answers(client)


def test_deleting_a_measure_goes_through_the_write_path(admin_client, mini_db):
    url = "/admin/tracker/measure/fr-call/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Measure.objects.filter(id="fr-call").exists()
    gone = Measure.history.filter(id="fr-call", history_type="-").get()
    assert gone.history_change_reason == "Deleted in the back office"


def test_a_methodology_document_that_is_not_yaml_is_refused_on_its_field(
    admin_client, client, mini_db
):
    from mercwatch.tracker.models import Methodology

    count = Methodology.objects.count()
    url = "/admin/tracker/methodology/add/"
    data = form_of(admin_client, url)
    data.update(version="9.9", document="' OR '1'='1", change_reason="hostile document")
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, nothing saved
    assert "not YAML (line 1)" in response.content.decode()
    assert Methodology.objects.count() == count
    site_answers(client)
