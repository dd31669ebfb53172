"""Template filters for public URLs."""

from __future__ import annotations

from django import template

from mercwatch.site.services.links import actor_url
from mercwatch.tracker.loader.schemas import ActorFile

register = template.Library()


@register.filter
def page(actor: ActorFile) -> str:
    """Give the page of an actor."""
    return actor_url(actor.id, actor.kind)
