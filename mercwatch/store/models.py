"""The data version: one row, moved on by every write transaction."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from mercwatch.core.vocabulary import ChangeLabel


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


class DataChange(models.Model):
    """What one write changed: the records it touched, so that a reader holding the snapshot
    of the version before can read those records again instead of the whole database.

    `before` and `after` are the stamps of the versions the write went from and to: a reader
    patches only along an unbroken chain from its own version. `whole` says the write touched
    more, or other kinds of records, than readers patch (a `load`, a methodology): they read
    everything again. `in_place` says the write left every record it touched where it was,
    added none and dropped none: a reader puts each in its place without reading the order of
    every row. Only the last `KEEP` writes are kept.
    """

    KEEP = 1000

    counter = models.PositiveBigIntegerField(primary_key=True)
    before = models.CharField(max_length=32)
    after = models.CharField(max_length=32)
    records = models.JSONField(default=list)  # [kind, key] pairs (store/writes.py `_record_of`)
    whole = models.BooleanField(default=False)
    in_place = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"write {self.counter}: {'everything' if self.whole else len(self.records)}"


class Revision(models.Model):
    """One write through the write path, kept for good: when, who, why (the reason and its
    label) and the records it touched. Each historical row the write made names it
    (`RevisionRow`), so that a record's history says who changed it and why."""

    at = models.DateTimeField(db_index=True)
    counter = models.PositiveBigIntegerField()  # the data version the write moved on to
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    credit = models.CharField(max_length=200, blank=True)  # as credited when written
    reason = models.TextField()
    label = models.CharField(max_length=20, choices=ChangeLabel.choices)
    records = models.JSONField(default=list)  # [kind, key] pairs (store/writes.py `_record_of`)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.label}: {self.reason}"


class RevisionRow(models.Model):
    """A historical row (django-simple-history's) that a revision made."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="rows")
    model = models.CharField(max_length=100)  # the historical model's label, lower case
    history_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "history_id"], name="revision_row_unique")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.history_id} in revision {self.revision_id}"
