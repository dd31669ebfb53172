"""The data version: one row, moved on by every write transaction."""

from __future__ import annotations

from django.db import models


class DataVersion(models.Model):
    """The version of the data: a counter and a random stamp, both new at every write.

    Readers key every cache on it. The stamp makes a version number that a rolled-back write
    used once never stand for other data (a counter alone would come back after a rollback).
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    counter = models.PositiveBigIntegerField(default=0)
    stamp = models.CharField(max_length=32, default="")
    changed = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.counter}-{self.stamp}"


class LoadMark(models.Model):
    """What the last `load` or `dump` wrote: a digest of each record, to find later edits.

    `load` compares the database with it, so that an edit made in the database since (in the
    back office, say) is listed and kept rather than silently overwritten by the files.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    digests = models.JSONField(default=dict)
    action = models.CharField(max_length=300)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"
