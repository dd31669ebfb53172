"""Roles as groups, `createuser` with no default password, API tokens kept hashed."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from mercwatch.accounts.models import ApiToken
from mercwatch.accounts.roles import ROLES
from mercwatch.accounts.tokens import check, issue, revoke

pytestmark = pytest.mark.django_db
PASSWORD = "a long and unusual passphrase 31"


def test_every_role_is_a_group_with_its_permissions():
    for name, perms in ROLES.items():
        group = Group.objects.get(name=name)
        got = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert got == set(perms)


def test_createuser_reads_the_password_from_the_environment_and_hashes_it_with_argon2(
    monkeypatch,
):
    monkeypatch.setenv("MERCWATCH_NEW_PASSWORD", PASSWORD)
    call_command("createuser", "rita", "--role", "reviewer", stdout=io.StringIO())
    user = get_user_model().objects.get(username="rita")
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)
    assert user.has_perm("review.decide_submission")
    assert not user.has_perm("review.prepare_submission")
    assert not user.is_staff


def test_createuser_has_no_default_password(monkeypatch):
    monkeypatch.delenv("MERCWATCH_NEW_PASSWORD", raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "")
    with pytest.raises(CommandError, match="empty"):
        call_command("createuser", "carla", "--role", "contributor")
    monkeypatch.setenv("MERCWATCH_NEW_PASSWORD", "password")
    with pytest.raises(CommandError, match="refused"):
        call_command("createuser", "carla", "--role", "contributor")
    assert not get_user_model().objects.filter(username="carla").exists()


def test_createuser_names_the_environment_variable_in_its_help(capsys):
    with pytest.raises(SystemExit):
        call_command("createuser", "--help")
    assert "MERCWATCH_NEW_PASSWORD" in " ".join(capsys.readouterr().out.split())


def test_an_admin_is_staff(monkeypatch):
    monkeypatch.setenv("MERCWATCH_NEW_PASSWORD", PASSWORD)
    call_command("createuser", "ada", "--role", "admin", stdout=io.StringIO())
    user = get_user_model().objects.get(username="ada")
    assert user.is_staff
    assert user.is_superuser


def test_a_token_is_kept_only_as_its_hash_and_checked_by_scope(django_user_model):
    user = django_user_model.objects.create_user("carla")
    row, token = issue(user, "submit", "laptop")
    assert len(token) >= 43
    stored = ApiToken.objects.get(pk=row.pk)
    assert stored.digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {stored.digest, stored.prefix, stored.name}
    assert stored.last_used is None
    assert check(token, "submit") is not None
    assert check(token, "read") is not None
    assert check(token, "review") is None
    assert ApiToken.objects.get(pk=row.pk).last_used is not None
    assert check(token + "x", "submit") is None
    revoke(stored)
    assert check(token, "submit") is None


def test_the_token_command_creates_lists_and_revokes(django_user_model):
    django_user_model.objects.create_user("rita")
    out = io.StringIO()
    call_command("token", "create", "rita", "--scope", "review", "--name", "bot", stdout=out)
    token = out.getvalue().split(": ", 1)[1].split()[0]
    assert check(token, "review") is not None
    listing = io.StringIO()
    call_command("token", "list", stdout=listing)
    assert "rita" in listing.getvalue()
    assert token not in listing.getvalue()
    row = ApiToken.objects.get()
    call_command("token", "revoke", str(row.pk), stdout=io.StringIO())
    assert check(token, "review") is None
