"""API tokens: scoped, shown once, stored as their SHA-256 digest, revocable, last use kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ = "read", _("Read own submissions")
    SUBMIT = "submit", _("Submit (and read own submissions)")
    REVIEW = "review", _("Decide submissions (and read)")


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    digest = models.CharField(max_length=64, unique=True)  # sha256 of the token, hex
    prefix = models.CharField(max_length=8)  # the token's first characters, to tell it apart
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.scope})"
