"""Template filters: public URLs, and the HTML fragments of `services.fragments`."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from mercwatch.site.services import fragments
from mercwatch.site.services.explain import Shown
from mercwatch.site.services.links import actor_url
from mercwatch.tracker.snapshot import Actor

register = template.Library()


@register.filter
def page(actor: Actor) -> str:
    """Give the page of an actor."""
    return actor_url(actor.id, actor.kind)


@register.filter
def contributions(shown: Shown) -> SafeString:
    """Give the contributions a page shows for an assessment, as HTML."""
    return fragments.contributions(shown.contributions, shown.levels, shown.assessment.as_of)
