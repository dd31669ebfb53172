"""Template filters that turn a record's codes into words: each is the function of the same name
in `services.wording` ("Designation (trade list)", "In force", "Primary (the issuing body)",
"Designated", "English", "Organisations")."""

from __future__ import annotations

from django import template

from mercwatch.site.services import wording

register = template.Library()

for _function in (
    wording.measure_type,
    wording.event_label,
    wording.source_kind,
    wording.role_label,
    wording.language_name,
    wording.section_label,
):
    register.filter(_function.__name__, _function)
