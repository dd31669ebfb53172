"""Editions: published views of the tracker at a date, under a methodology version."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Edition(models.Model):
    """A published state of the tracker: the data as of `as_of`, scored under `methodology`.

    An edition is reproducible from the data and the methodology file; later corrections to the
    data show in the revision history of the records they touch.
    """

    id = models.SlugField(primary_key=True, max_length=64)
    title = models.CharField(max_length=200)
    as_of = models.DateField()
    published = models.DateField()
    methodology = models.CharField(max_length=32)
    notes = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["as_of", "id"]

    def __str__(self) -> str:
        return self.title


class ImmutableEdition(RuntimeError):
    """A change to a frozen edition's data or files, which never change once stored."""


class FrozenEdition(models.Model):
    """An edition frozen: the canonical data of every record at the moment it was frozen
    (workflow/canonical.py), its exports built from that data, and who froze and published it.

    Its identifier is its date and the first digits of the data's SHA-256, so the same data on
    the same date is one edition. Nothing of it changes after it is stored but, until it is
    published, the retractions it declares, then its publication.
    """

    id = models.SlugField(primary_key=True, max_length=64)
    title = models.CharField(max_length=200)
    day = models.DateField()  # the date it is of: assessments as of this day
    methodology = models.CharField(max_length=32)
    notes = models.TextField(blank=True)
    view = models.SlugField(max_length=64, blank=True)  # the edition record it froze, if any
    canonical = models.TextField()
    sha256 = models.CharField(max_length=64)
    retractions = models.JSONField(default=list, blank=True)  # [{kind, id, reason}]
    # What changed since the edition published before it, counted when it was published.
    since_previous = models.JSONField(default=dict, blank=True)
    frozen_at = models.DateTimeField()
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["canonical"])

    MUTABLE = frozenset({"retractions", "since_previous", "published_at", "published_by"})

    class Meta:
        ordering = ["day", "frozen_at", "id"]
        permissions = [("freeze_edition", "Can freeze and publish an edition")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            fields = kwargs.get("update_fields")
            published = FrozenEdition.objects.filter(pk=self.pk, published_at__isnull=False)
            if fields is None or not set(fields) <= self.MUTABLE or published.exists():
                raise ImmutableEdition(f"edition {self.pk} is frozen: its data never changes")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if FrozenEdition.objects.filter(pk=self.pk, published_at__isnull=False).exists():
            raise ImmutableEdition(f"edition {self.pk} is published: it stays")
        return super().delete(*args, **kwargs)


class EditionFile(models.Model):
    """One export of a frozen edition, built from its stored data, kept with its SHA-256."""

    edition = models.ForeignKey(FrozenEdition, on_delete=models.PROTECT, related_name="files")
    position = models.PositiveIntegerField()
    format = models.CharField(max_length=32)
    filename = models.CharField(max_length=200)
    media_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()

    class Meta:
        ordering = ["edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "format"], name="one_file_per_format")
        ]

    def __str__(self) -> str:
        return self.filename

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableEdition(f"{self.filename}: an edition's files never change")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if FrozenEdition.objects.filter(pk=self.edition_id, published_at__isnull=False).exists():
            raise ImmutableEdition(f"{self.filename}: a published edition's files stay")
        return super().delete(*args, **kwargs)
