"""Staff sign-in is throttled: a locked-out client is refused before any password is hashed."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client: Client, password: str) -> Any:
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR="203.0.113.7",
    )


def test_wrong_passwords_lock_the_client_out_even_with_the_right_one(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    right = sign_in(client, PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_out_attempt_hashes_no_password(client, staff, settings, monkeypatch):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    verified: list[str] = []
    original = Argon2PasswordHasher.verify

    def counting(self, password, encoded):
        verified.append(password)
        return original(self, password, encoded)

    monkeypatch.setattr(Argon2PasswordHasher, "verify", counting)
    for _ in range(5):
        assert sign_in(client, "wrong again").status_code == 429
    assert verified == []


def test_the_right_password_before_the_limit_signs_in_and_resets_the_count(client, staff):
    assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_the_back_office_lives_under_the_configured_path(tmp_path):
    import os
    import subprocess
    import sys

    probe = (
        "import django; django.setup();"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from django.test import Client; c = Client();"
        "print(c.get('/back-office/login/').status_code, c.get('/admin/login/').status_code)"
    )
    env = {
        **os.environ,
        "MERCWATCH_ENV": "test",
        "MERCWATCH_ADMIN_PATH": "back-office",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "mercwatch.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["200", "404"]


@pytest.mark.parametrize("next_url", ["", "https://elsewhere.example/"])
def test_signing_in_never_lands_outside_the_site_or_on_a_missing_profile_page(
    client, staff, next_url
):
    response = client.post(
        "/admin/login/" + (f"?next={next_url}" if next_url else ""),
        {"username": "editor", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("next_url", ["", "/admin/tracker/", "//elsewhere.example/"])
@pytest.mark.parametrize("who", ["wrong password", "not staff", "no such user"])
def test_a_rejected_sign_in_shows_the_form_again_and_never_redirects(
    client, staff, django_user_model, next_url, who
):
    django_user_model.objects.create_user("reader", password=PASSWORD)
    username, password = {
        "wrong password": ("editor", "wrong"),
        "not staff": ("reader", PASSWORD),
        "no such user": ("nobody", PASSWORD),
    }[who]
    response = client.post(
        "/admin/login/" + (f"?next={next_url}" if next_url else ""),
        {"username": username, "password": password},
    )
    assert response.status_code == 200  # the form again, with its error; no redirect anywhere
    assert "Location" not in response
    assert "Please enter the correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session
    then = client.post(
        "/admin/login/" + (f"?next={next_url}" if next_url else ""),
        {"username": "editor", "password": PASSWORD},
    )
    assert then.status_code == 302
    # After the rejection, signing in lands where `next` says on this site, else on the back
    # office (LOGIN_REDIRECT_URL), never on Django's default /accounts/profile/ (a 404 here).
    assert then["Location"] == ("/admin/tracker/" if next_url == "/admin/tracker/" else "/admin/")
