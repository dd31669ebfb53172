"""The back office's site: Django's admin, with two-factor sign-in when settings say so.

With settings.ADMIN_TWO_FACTOR (on by default in production), signing in asks for a one-time
password as well as the password – a code from an authenticator app (TOTP) or a backup code,
registered with `mercwatch two_factor USER` – and only staff verified so are let in (django-otp's
OTPAdminSite). The setting is read at each request, so tests can turn it on and off.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

TWO_FACTOR_TEMPLATE = "otp/admin111/login.html"  # django-otp's admin sign-in, with the code


class BackOffice(OTPAdminSite):  # type: ignore[misc]
    """Django's admin site; with two-factor sign-in on, django-otp's."""

    @property
    def login_form(self) -> Any:
        return OTPAdminAuthenticationForm if settings.ADMIN_TWO_FACTOR else AdminAuthenticationForm

    @property
    def login_template(self) -> str | None:
        return TWO_FACTOR_TEMPLATE if settings.ADMIN_TWO_FACTOR else None

    def has_permission(self, request: HttpRequest) -> bool:
        if settings.ADMIN_TWO_FACTOR:
            return bool(super().has_permission(request))
        return AdminSite.has_permission(self, request)


def install(site: AdminSite) -> None:
    """Make `site` (django.contrib.admin.site, where every app registers) the back office."""
    site.__class__ = BackOffice
