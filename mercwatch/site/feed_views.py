"""The Atom feeds: all changes, and one per government, company, vendor and recommendation."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mercwatch.core.bounds import year_outside
from mercwatch.core.origin import origin
from mercwatch.site.feeds import atom_for, measures_atom
from mercwatch.site.services import changes
from mercwatch.site.services.index import targeted_by
from mercwatch.site.services.links import (
    SECTION_KINDS,
    actor_url,
    provision_feed_url,
    provision_url,
    route_url,
)
from mercwatch.site.services.moment import BadInput, moment_from
from mercwatch.site.twin import conditional
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.changes import EPOCH


def _atom(feed: object) -> HttpResponse:
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")  # type: ignore[attr-defined]
    return response


@conditional
def all_changes(request: HttpRequest) -> HttpResponse:
    """Every level change, newest first."""
    data = current_snapshot()
    found = changes.between(data, None, EPOCH, dt.date.today())
    return _atom(
        atom_for(
            data,
            found,
            title=_("mercwatch: what changed"),
            link=route_url("site:changes", fmt="/"),
            feed_url=route_url("site:changes-feed"),
            base=origin(request),
            labelled=True,
        )
    )


@conditional
def actor_feed(request: HttpRequest, section: str, actor_id: str) -> HttpResponse:
    """The changes of one government, company or organisation (up to `as_of` or an edition's
    date, when the page it comes from is as of one); the measures aimed at a vendor."""
    data = current_snapshot()
    actor = data.actors.get(actor_id)
    if actor is None or actor.kind not in SECTION_KINDS[section]:
        raise Http404("no such actor")
    try:
        query = {k: request.GET.get(k, "") for k in ("as_of", "edition")}
        moment = moment_from(data, query)
        outside = year_outside(moment.day) if query["as_of"] else None
        if outside is not None:
            raise BadInput(f"as_of: {outside}")
    except BadInput as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    base = origin(request)
    page = actor_url(actor.id, actor.kind)
    feed = route_url("site:actor-feed", section=section, actor_id=actor.id)
    if section == "vendors":
        return _atom(
            measures_atom(
                data,
                targeted_by(data, actor.id),
                title=_("mercwatch: %(name)s") % {"name": actor.name},
                link=page,
                feed_url=feed,
                base=base,
            )
        )
    found = changes.between(data, moment.version, EPOCH, moment.day, actors={actor.id})
    title = _("mercwatch: %(name)s") % {"name": actor.name}
    if moment.chosen:
        title = _("%(title)s, up to %(day)s") % {
            "title": title,
            "day": date_format(moment.day, "j F Y"),
        }
    return _atom(
        atom_for(
            data,
            found,
            title=title,
            link=page + moment.query,
            feed_url=feed + moment.query,
            base=base,
            labelled=True,
        )
    )


@conditional
def provision_feed(request: HttpRequest, framework: str, number: str) -> HttpResponse:
    """The changes on one recommendation or principle, across every actor."""
    data = current_snapshot()
    code = f"{framework}/{number}"
    if code not in data.provisions:
        raise Http404("no such provision")
    found = changes.between(data, None, EPOCH, dt.date.today(), provisions={code})
    return _atom(
        atom_for(
            data,
            found,
            title=_("mercwatch: %(number)s. %(title)s")
            % {"number": data.provisions[code].number, "title": data.provisions[code].title},
            link=provision_url(code),
            feed_url=provision_feed_url(code),
            base=origin(request),
            labelled=True,
        )
    )
