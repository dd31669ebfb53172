"""Editions: published views of the tracker at a date, under a methodology version."""

from __future__ import annotations

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
