"""Template filters that turn a record's codes into words (`services.wording`)."""

from __future__ import annotations

from django import template

from mercwatch.site.services import wording

register = template.Library()


@register.filter
def measure_type(value: str) -> str:
    """Give a measure type as a reader reads it: "Designation (trade list)"."""
    return wording.measure_type(value)


@register.filter
def event_label(value: str) -> str:
    """Give a lifecycle event as a reader reads it: "In force"."""
    return wording.event_label(value)


@register.filter
def source_kind(value: str) -> str:
    """Give a source kind as a reader reads it: "Primary (the issuing body)"."""
    return wording.source_kind(value)


@register.filter
def role_label(value: str) -> str:
    """Give a target role as a reader reads it: "Designated"."""
    return wording.role_label(value)


@register.filter
def language_name(value: str) -> str:
    """Give a language tag's name: "English"."""
    return wording.language_name(value)
