"""Back office for market records."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from mercwatch.market.models import Product, Relationship


@admin.register(Relationship)
class RelationshipAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["subject", "kind", "object", "since", "until"]
    list_filter = ["kind"]


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["id", "name", "vendor", "kind"]
    search_fields = ["id", "name"]
