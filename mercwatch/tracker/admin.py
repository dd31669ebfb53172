"""The editors' back office: every record with its revision history."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from mercwatch.tracker.models import (
    Actor,
    Alias,
    Citation,
    Framework,
    Link,
    Measure,
    MeasureEvent,
    Membership,
    Methodology,
    Override,
    Provision,
    Source,
    Target,
)


class LinkInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Link
    extra = 0


class EventInline(admin.TabularInline):  # type: ignore[type-arg]
    model = MeasureEvent
    extra = 0


class TargetInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Target
    extra = 0
    autocomplete_fields = ["actor"]


class CitationInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Citation
    extra = 0
    fields = ["source", "excerpt", "locator", "stance", "position"]
    autocomplete_fields = ["source"]


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["id", "actor", "type", "date", "title"]
    list_filter = ["type"]
    search_fields = ["id", "title", "summary"]
    autocomplete_fields = ["actor"]
    inlines = [EventInline, LinkInline, TargetInline, CitationInline]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["id", "name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["id", "name", "aliases__name"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["id", "kind", "publisher", "published", "url"]
    list_filter = ["kind", "group"]
    search_fields = ["id", "url", "title", "publisher"]


@admin.register(Provision)
class ProvisionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["code", "title", "framework"]
    list_filter = ["framework"]


for model in (Framework, Membership, Override, Methodology, Alias):
    admin.site.register(model, SimpleHistoryAdmin)
