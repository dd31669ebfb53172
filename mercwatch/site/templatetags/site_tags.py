"""Template filters: public URLs of records (services.links, from the routes), and the HTML
fragments of `services.fragments`."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from mercwatch.site.services import fragments, links
from mercwatch.site.services.explain import Shown
from mercwatch.tracker.snapshot import Actor

register = template.Library()


@register.filter
def page(actor: Actor) -> str:
    """Give the page of an actor."""
    return links.actor_url(actor.id, actor.kind)


register.filter("provision_url", links.provision_url)  # a provision's page, from its code
register.filter("provision_feed_url", links.provision_feed_url)
register.filter("measure_url", links.measure_url)  # a measure's page, from its ID
register.filter("source_url", links.source_url)  # a source's page, from its ID


@register.simple_tag
def cached_url(route: str, **kwargs: str) -> str:
    """Give `{% url route key=value… %}`, kept (`links.route_url`): `{% url %}` reverses on
    every render again, about 20 µs a link, and the navigation's dozen on every page took a
    quarter of the render of a small one (the methodology, 1.7 ms)."""
    return links.route_url(route, **kwargs)


@register.simple_tag
def evidence_url(section: str, actor_id: str, code: str) -> str:
    """Give the page of every contribution behind the actor's assessment on a provision."""
    return links.evidence_url(section, actor_id, code)


@register.filter
def contributions(shown: Shown) -> SafeString:
    """Give the contributions a page shows for an assessment, as HTML."""
    return fragments.contributions(shown.contributions, shown.levels, shown.assessment.as_of)
