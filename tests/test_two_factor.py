"""Two-factor sign-in to the back office (django-otp): on in production, a password alone does
not let staff in; a code from the registered authenticator app or a backup code does, once."""

from __future__ import annotations

import io
import re
import time
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.processes import environment, settings_of

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def two_factor(settings: Any) -> None:
    settings.ADMIN_TWO_FACTOR = True


@pytest.fixture
def staff(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def enrol(username: str = "editor", *extra: str) -> tuple[TOTPDevice, list[str], str]:
    """Register the devices with the command; give the app, the backup codes and the output."""
    out = io.StringIO()
    call_command("two_factor", username, *extra, stdout=out)
    printed = out.getvalue()
    codes = re.findall(r"^  (\w+)$", printed, re.M)
    return TOTPDevice.objects.get(user__username=username), codes, printed


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(client: Client, token: str | None = None, device: Any = None) -> Any:
    """Post the sign-in form; with a token, from `device` (chosen in the form's list of the
    user's devices, shown once the password is right)."""
    data = {"username": "editor", "password": PASSWORD}
    if token is not None:
        data.update(otp_token=token, otp_device=device.persistent_id)
    return client.post("/admin/login/?next=/admin/", data)


def test_two_factor_sign_in_is_on_in_production_and_off_in_tests() -> None:
    production = {**environment(), "SECRET_KEY": "k" * 50}
    assert settings_of(production, "ADMIN_TWO_FACTOR") == {"ADMIN_TWO_FACTOR": True}
    test = {**environment(), "MERCWATCH_ENV": "test"}
    assert settings_of(test, "ADMIN_TWO_FACTOR") == {"ADMIN_TWO_FACTOR": False}
    off = {**production, "MERCWATCH_ADMIN_2FA": "0"}
    assert settings_of(off, "ADMIN_TWO_FACTOR") == {"ADMIN_TWO_FACTOR": False}


def test_the_password_alone_is_refused_and_the_form_asks_for_the_code(
    client: Client, staff: Any, two_factor: None
) -> None:
    enrol()
    form = client.get("/admin/login/")
    assert 'name="otp_token"' in form.content.decode()
    refused = sign_in(client)
    assert refused.status_code == 200
    # The password was right: the form now lists the devices to take a code from.
    listed = refused.content.decode()
    assert "authenticator app" in listed
    assert "backup codes" in listed
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_authenticator_app_s_code_lets_staff_in(
    client: Client, staff: Any, two_factor: None
) -> None:
    device, _codes, _out = enrol()
    signed = sign_in(client, code_of(device), device)
    assert signed.status_code == 302
    assert signed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_then_the_next_try_must_wait(
    client: Client, staff: Any, two_factor: None
) -> None:
    device, _codes, _out = enrol()
    wrong = "000000" if code_of(device) != "000000" else "111111"
    assert sign_in(client, wrong, device).status_code == 200
    assert "_auth_user_id" not in client.session
    # The first failure makes the device wait a second before it checks another code.
    assert sign_in(client, code_of(device), device).status_code == 200
    assert "_auth_user_id" not in client.session
    time.sleep(1.1)
    assert sign_in(client, code_of(device), device).status_code == 302


def test_a_backup_code_works_once(client: Client, staff: Any, two_factor: None) -> None:
    _device, codes, _out = enrol()
    backup = StaticDevice.objects.get(user=staff)
    assert len(codes) == 10
    assert sign_in(client, codes[0], backup).status_code == 302
    again = Client()
    assert sign_in(again, codes[0], backup).status_code == 200  # used up
    assert "_auth_user_id" not in again.session


def test_a_session_signed_in_without_the_second_factor_is_not_let_in(
    client: Client, staff: Any, two_factor: None
) -> None:
    enrol()
    client.force_login(staff)  # a password sign-in alone
    assert client.get("/admin/").status_code == 302


def test_with_two_factor_off_the_password_is_enough(client: Client, staff: Any) -> None:
    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_command_prints_the_qr_code_the_address_and_writes_an_svg(
    staff: Any, tmp_path: Any
) -> None:
    svg = tmp_path / "qr.svg"
    device, codes, printed = enrol("editor", "--svg", str(svg))
    assert device.confirmed
    assert "otpauth://totp/mercwatch%3Aeditor?secret=" in printed
    assert "█" in printed or "▀" in printed  # the code drawn in the terminal
    assert len(set(codes)) == 10
    assert ET.parse(svg).getroot().tag.endswith("svg")
    with pytest.raises(CommandError, match="registered already"):
        enrol()
    replaced, _codes, _out = enrol("editor", "--replace")
    assert replaced.key != device.key


def test_the_command_refuses_a_user_who_is_not_staff(django_user_model: Any) -> None:
    django_user_model.objects.create_user("reader", password=PASSWORD)
    for name in ("reader", "nobody"):
        with pytest.raises(CommandError, match="not a staff member"):
            enrol(name)
