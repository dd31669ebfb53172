"""The tracker's records: frameworks, provisions, actors, memberships, sources, measures."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from mercwatch.core.fields import PartialDateField
from mercwatch.core.vocabulary import (
    ActorKind,
    AliasKind,
    EventKind,
    MeasureType,
    SourceKind,
    Stance,
    TargetRole,
)

CITATION_OWNERS = (
    "framework",
    "actor",
    "membership",
    "measure",
    "event",
    "override",
    "relationship",
    "product",
)


def _exactly_one(fields: tuple[str, ...]) -> models.Q:
    """Give a condition true when exactly one of `fields` is set."""
    condition = models.Q()
    for field in fields:
        condition |= models.Q(
            **{f"{field}__isnull": False},
            **{f"{other}__isnull": True for other in fields if other != field},
        )
    return condition


class Framework(models.Model):
    """A set of norms: the Blueprint, the Tech Accord principles, the Joint Statement…"""

    id = models.SlugField(primary_key=True, max_length=64)
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=100)
    publisher = models.CharField(max_length=200, blank=True)
    date = PartialDateField(null=True, blank=True)
    url = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.short_title


class Provision(models.Model):
    """One recommendation, principle or commitment, with a stable code."""

    code = models.CharField(primary_key=True, max_length=64)
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="provisions")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    number = models.CharField(max_length=16)
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    addressees = models.JSONField(default=list)
    guidance = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework__position", "position"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Actor(models.Model):
    """Who acts or is acted on: a country, a body, a company, a vendor, a person…"""

    id = models.CharField(primary_key=True, max_length=64)
    kind = models.CharField(max_length=20, choices=ActorKind.choices)
    name = models.CharField(max_length=300)
    official_name = models.CharField(max_length=300, blank=True)
    iso_alpha3 = models.CharField(max_length=3, blank=True)
    country = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="based_here"
    )
    founded = PartialDateField(null=True, blank=True)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name


class Alias(models.Model):
    """Another name of an actor: an alias, a former name or its legal name."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=AliasKind.choices)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["actor", "position"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="alias_unique_per_actor")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """An actor's dated support for, or signature of, a framework."""

    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="memberships")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(max_length=40)
    since = PartialDateField(null=True, blank=True)
    until = PartialDateField(null=True, blank=True)
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "framework"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.role} {self.framework_id}"


class Source(models.Model):
    """A document that records cite: a law, a release, an article, a report."""

    id = models.SlugField(primary_key=True, max_length=100)
    group = models.SlugField(max_length=64)
    url = models.URLField(max_length=700, unique=True)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=10, choices=SourceKind.choices)
    published = PartialDateField(null=True, blank=True)
    language = models.CharField(max_length=8, default="en")
    retrieved = PartialDateField(null=True, blank=True)
    archived_url = models.URLField(max_length=700, blank=True)
    content_hash = models.CharField(max_length=80, blank=True)
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "position"]

    def __str__(self) -> str:
        return self.title or self.url


class Measure(models.Model):
    """Something an actor did, dated with honest precision, linked to provisions."""

    id = models.SlugField(primary_key=True, max_length=100)
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="measures")
    family = models.SlugField(max_length=64)
    position = models.PositiveIntegerField()
    type = models.CharField(max_length=24, choices=MeasureType.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    date = PartialDateField()
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["actor", "family", "position"]
        indexes = [models.Index(fields=["type"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return self.title


class MeasureEvent(models.Model):
    """A dated step in a measure's life: announced, adopted, in force, amended, repealed, ended."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    date = PartialDateField()
    position = models.PositiveIntegerField()
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "position"]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"


class Link(models.Model):
    """How far a measure goes toward a provision, with the editor's rationale."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="links")
    provision = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="links")
    level = models.CharField(max_length=32)
    rationale = models.TextField()
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "position"]
        constraints = [models.UniqueConstraint(fields=["measure", "provision"], name="link_unique")]

    def __str__(self) -> str:
        return f"{self.measure_id} → {self.provision_id}: {self.level}"


class Target(models.Model):
    """A market actor a measure is aimed at: the vendor designated, the firm sued."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="targeted_by")
    role = models.CharField(max_length=12, choices=TargetRole.choices)
    since = PartialDateField(null=True, blank=True)
    until = PartialDateField(null=True, blank=True)
    note = models.TextField(blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "position"]
        constraints = [models.UniqueConstraint(fields=["measure", "actor"], name="target_unique")]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.role} {self.actor_id}"


class Override(models.Model):
    """An editor's status for an actor on a provision, which wins over the derived one."""

    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="overrides")
    provision = models.ForeignKey(Provision, on_delete=models.PROTECT, related_name="overrides")
    level = models.CharField(max_length=32)
    rationale = models.TextField()
    since = PartialDateField(null=True, blank=True)
    until = PartialDateField(null=True, blank=True)
    position = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "provision"], name="override_unique")
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.provision_id}: {self.level}"


class Methodology(models.Model):
    """One version of the methodology file, kept verbatim so anyone can rebuild the scores."""

    version = models.CharField(primary_key=True, max_length=32)
    document = models.TextField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["version"]
        verbose_name_plural = "methodologies"

    def __str__(self) -> str:
        return self.version


class Citation(models.Model):
    """A record citing a source: the quoted excerpt and where in the source it stands.

    Exactly one of the owner fields is set.
    """

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    excerpt = models.TextField(blank=True)
    locator = models.CharField(max_length=200, blank=True)
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.SUPPORTS)
    kind = models.CharField(max_length=10, choices=SourceKind.choices, blank=True)
    position = models.PositiveIntegerField()
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    event = models.ForeignKey(
        MeasureEvent, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    override = models.ForeignKey(
        Override, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    relationship = models.ForeignKey(
        "market.Relationship",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    product = models.ForeignKey(
        "market.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="citations",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one(CITATION_OWNERS), name="citation_has_one_owner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_id} ({self.stance})"
