"""`mercwatch two_factor USER`: register a staff member's two-factor devices for the back
office – an authenticator app (TOTP, shown as a QR code and an otpauth:// address) and ten
single-use backup codes – and print them once."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP = "authenticator app"
BACKUP = "backup codes"


class Command(BaseCommand):
    help = "Register an authenticator app and backup codes for a staff member's sign-in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="the staff member's username")
        parser.add_argument("--svg", type=Path, help="also write the QR code to this SVG file")
        parser.add_argument("--codes", type=int, default=10, help="backup codes (default 10)")
        parser.add_argument(
            "--replace", action="store_true", help="replace the devices already registered"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None or not user.is_staff:
            raise CommandError(f"{options['username']!r} is not a staff member's username")
        if not 1 <= options["codes"] <= 20:
            raise CommandError("--codes: give a number from 1 to 20")
        existing = TOTPDevice.objects.filter(user=user).exists()
        if existing and not options["replace"]:
            raise CommandError(
                f"{user.username} has an authenticator app registered already; "
                "give --replace to register a new one (the old one stops working)"
            )
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            app = TOTPDevice.objects.create(user=user, name=APP, confirmed=True)
            backup = StaticDevice.objects.create(user=user, name=BACKUP, confirmed=True)
            codes = [StaticToken.random_token() for _ in range(options["codes"])]
            backup.token_set.bulk_create([StaticToken(device=backup, token=c) for c in codes])
        qr = segno.make(app.config_url, error="m")
        if options["svg"]:
            qr.save(options["svg"], kind="svg", scale=4, title="mercwatch sign-in")
        out = self.stdout
        out.write(f"Scan this code with an authenticator app for {user.username}:\n")
        drawn = io.StringIO()
        qr.terminal(out=drawn, compact=True)
        out.write(drawn.getvalue())
        out.write(f"\nor enter this address in it: {app.config_url}\n")
        out.write("\nBackup codes, each usable once (keep them somewhere safe):\n")
        out.write("\n".join(f"  {c}" for c in codes) + "\n")
