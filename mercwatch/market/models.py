"""Market knowledge: dated relationships between actors, and vendors' products."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from mercwatch.core.fields import PartialDateField
from mercwatch.core.vocabulary import RelationshipKind


class Relationship(models.Model):
    """A dated tie: `subject` is <kind> of `object` (subsidiary of, owner of, successor of…)."""

    subject = models.ForeignKey(
        "tracker.Actor", on_delete=models.PROTECT, related_name="relationships_out"
    )
    kind = models.CharField(max_length=12, choices=RelationshipKind.choices)
    object = models.ForeignKey(
        "tracker.Actor", on_delete=models.PROTECT, related_name="relationships_in"
    )
    since = PartialDateField(null=True, blank=True)
    until = PartialDateField(null=True, blank=True)
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["subject", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "kind", "object"], name="relationship_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject_id} {self.kind} {self.object_id}"


class Product(models.Model):
    """A vendor's product or service, such as a spyware suite or an exploit framework."""

    id = models.SlugField(primary_key=True, max_length=100)
    vendor = models.ForeignKey("tracker.Actor", on_delete=models.PROTECT, related_name="products")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["vendor", "position"]

    def __str__(self) -> str:
        return self.name


class Listing(models.Model):
    """An entry of an imported inventory of the market (the MISP galaxy's surveillance vendors):
    a candidate, listed but not reviewed, never scored. `actor` is the curated actor it was
    matched to; `curated` names the fields an editor set, which a re-import never overwrites."""

    id = models.CharField(primary_key=True, max_length=100)
    inventory = models.CharField(max_length=64)
    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=2, blank=True)
    description = models.TextField(blank=True)
    urls = models.JSONField(default=list, blank=True)
    websites = models.JSONField(default=list, blank=True)
    ties = models.JSONField(default=list, blank=True)
    actor = models.ForeignKey(
        "tracker.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="listings",
    )
    curated = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["inventory", "position"]

    def __str__(self) -> str:
        return self.name
