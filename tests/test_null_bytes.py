"""A NUL character in a query or form value or name is refused with a 400 naming the
parameter, on every kind of route, before anything reads or writes the database (PostgreSQL
cannot hold one)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/search/?q=a%00b", "/governments/US/?as_of=2024%00", "/?a%00b=1"]
)
def test_a_page_with_a_nul_in_its_query_is_a_400_that_names_the_parameter(
    client: Any, mini_db: Any, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert "holds a NUL character" in response.content.decode()


def test_the_api_refuses_it_as_a_problem(client: Any, mini_db: Any) -> None:
    response = client.get("/api/v1/actors?kind=state%00")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "“kind” holds a NUL character" in response.json()["detail"]


def test_a_back_office_form_with_a_nul_is_refused_and_nothing_is_saved(
    admin_client: Any, mini_db: Any
) -> None:
    from mercwatch.tracker.models import Measure

    count = Measure.objects.count()
    response = admin_client.post(
        "/admin/tracker/measure/add/", {"id": "x\x00y", "change_reason": "test"}
    )
    assert response.status_code == 400
    assert "“id” holds a NUL character" in response.content.decode()
    assert Measure.objects.count() == count


def test_an_oversized_username_is_counted_as_a_failed_sign_in(client: Any) -> None:
    from axes.models import AccessAttempt

    response = client.post("/admin/login/", {"username": "A" * 20_000, "password": "x"})
    assert response.status_code == 200  # the form again
    (attempt,) = AccessAttempt.objects.all()
    assert attempt.username == "A" * 150
