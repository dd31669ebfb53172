"""The back office requires a staff login and shows records with their history."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_admin_requires_login(client):
    response = client.get("/admin/tracker/measure/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_sees_a_measure_and_its_history(admin_client, mini_dir):
    from mercwatch.store.sync import load
    from mercwatch.tracker.loader.validate import check_dir

    load(check_dir(mini_dir).snapshot, reason="load test")
    assert "Entity List additions" in admin_client.get("/admin/tracker/measure/").content.decode()
    history = admin_client.get("/admin/tracker/measure/us-entity-list-2021/history/")
    assert history.status_code == 200
    assert "load test" in history.content.decode()
