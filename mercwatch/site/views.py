"""Public pages: thin views that parse the query, call one service, and render HTML or JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import gettext as _

from mercwatch.core.bounds import SEARCH_LENGTH, year_outside
from mercwatch.core.throttle import per_minute, refused
from mercwatch.core.vocabulary import GOVERNMENT_KINDS
from mercwatch.site import errors
from mercwatch.site import search as search_index
from mercwatch.site.services import (
    actors,
    changes,
    crosschecks,
    geometry,
    parameters,
    records,
    scorecard,
    vendors,
)
from mercwatch.site.services import listings as listed
from mercwatch.site.services.home import home_page
from mercwatch.site.services.links import SECTION_KINDS
from mercwatch.site.services.moment import BadInput, moment_from, parse_day
from mercwatch.site.services.paging import At, NoSuchPage, page_of
from mercwatch.site.twin import add_notices, conditional, respond
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.snapshot import NotFound

View = Callable[..., HttpResponseBase]


def public(*known: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponseBase]]:
    """Declare the query parameters a view knows, once; the view then tells the reader of any
    other parameter (ignored, not refused) and of dates in the future, answers bad input with a
    400 that says why, and unknown IDs or pages with a 404 (problem+json for JSON twins)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                today = dt.date.today()
                _within_years(_params(request), known)
                found = parameters.notices(current_snapshot(), _params(request), known, today)
                add_notices(request, found)
                return view(request, *args, **kwargs)
            except BadInput as exc:
                return errors.bad_request(request, str(exc))
            except NotFound:
                return errors.not_found(request)
            except NoSuchPage as exc:
                return errors.missing(request, str(exc))

        decorated = conditional(wrapper)
        # The parameters the view reads, for what walks the URL configuration (the tests).
        decorated.known_parameters = frozenset(known)  # type: ignore[attr-defined]
        return decorated

    return decorate


def limited(scope: str) -> Callable[[View], View]:
    """Count every request to the view against the rate limit of `scope` (per client address,
    mercwatch/core/throttle.py); over it, answer 429 with Retry-After instead."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            wait = refused(request, scope)
            if wait is not None:
                return errors.too_many_searches(request, per_minute(scope), wait)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


MOMENT = parameters.MOMENT
SCORECARD = (*scorecard.FILTERS, "region", "evidence", "sort", "order", "map", "zoom")
DATES = ("as_of", "since", "until")
MARKET = frozenset({"vendor", "person"})  # the kinds of actor the market's pages show


def _params(request: HttpRequest) -> dict[str, str]:
    return {key: request.GET.get(key, "") for key in request.GET}


def _within_years(params: dict[str, str], known: tuple[str, ...]) -> None:
    """Raise BadInput for a date the view knows naming a year outside the bounds."""
    for name in DATES:
        if name in known and params.get(name):
            outside = year_outside(parse_day(name, params[name]))
            if outside is not None:
                raise BadInput(f"{name}: {outside}")


@public(*MOMENT, *SCORECARD)
def home(request: HttpRequest, fmt: str = "/") -> HttpResponse:
    """The scorecard, the map and the latest changes."""
    data = current_snapshot()
    params = _params(request)
    moment = moment_from(data, params)
    query = scorecard.query_from(data, moment, params)
    map_of = params.get("map", "total")
    if map_of not in {"total", *scorecard.tracked(data, moment.version)}:
        raise BadInput(
            _("map: expected total or a recommendation code, got %(value)r") % {"value": map_of}
        )
    zoom = params.get("zoom", "")
    if zoom and zoom not in geometry.ZOOMS:
        raise BadInput(
            _("zoom: expected one of %(regions)s, got %(zoom)r")
            % {"regions": ", ".join(geometry.ZOOMS), "zoom": zoom}
        )
    context = home_page(data, moment, query, map_of, zoom)
    return respond(request, fmt, "site/home.html", context)


@public(*MOMENT)
def government(request: HttpRequest, actor_id: str, fmt: str = "/") -> HttpResponse:
    """One government on each recommendation, with every explanation, measures, memberships."""
    data = current_snapshot()
    actor = actors.actor_of(data, actor_id, GOVERNMENT_KINDS)
    context = actors.actor_page(data, actor, moment_from(data, _params(request)))
    return respond(request, fmt, "site/actor.html", {**context, "section": "governments"})


@public(*MOMENT)
def organisation(request: HttpRequest, section: str, actor_id: str, fmt: str = "/") -> HttpResponse:
    """A company or civil-society organisation on the provisions it is assessed on."""
    data = current_snapshot()
    actor = actors.actor_of(data, actor_id, SECTION_KINDS[section])
    context = actors.actor_page(data, actor, moment_from(data, _params(request)))
    return respond(request, fmt, "site/actor.html", {**context, "section": section})


@public(*MOMENT)
def timeline(
    request: HttpRequest, section: str, actor_id: str, fmt: str = "/", page: str | None = None
) -> HttpResponse:
    """Every measure of a government, company or organisation, a page at a time."""
    data = current_snapshot()
    actor = actors.actor_of(data, actor_id, SECTION_KINDS[section])
    params = _params(request)
    context = actors.timeline_page(
        data, actor, At(request.path, params, page), moment_from(data, params)
    )
    return respond(request, fmt, "site/timeline.html", {**context, "section": section})


@public(*MOMENT)
def evidence(
    request: HttpRequest,
    section: str,
    actor_id: str,
    framework: str,
    number: str,
    fmt: str = "/",
    page: str | None = None,
) -> HttpResponse:
    """Every contribution behind one assessment, a page at a time."""
    data = current_snapshot()
    actor = actors.actor_of(data, actor_id, SECTION_KINDS[section])
    params = _params(request)
    context = actors.evidence_page(
        data,
        actor,
        f"{framework}/{number}",
        moment_from(data, params),
        At(request.path, params, page),
    )
    return respond(request, fmt, "site/evidence.html", {**context, "section": section})


@public()
def vendor(request: HttpRequest, actor_id: str, fmt: str = "/") -> HttpResponse:
    """A vendor or person of the market: designations, findings, relationships, products."""
    data = current_snapshot()
    actor = actors.actor_of(data, actor_id, MARKET)
    context = vendors.vendor_page(data, actor)
    context["also_listed"] = listed.also_listed(data, actor.id)
    return respond(request, fmt, "site/vendor.html", context)


@public()
def product(request: HttpRequest, actor_id: str, product: str, fmt: str = "/") -> HttpResponse:
    """One of a vendor's products, where a source supports it: what it is, who makes it."""
    data = current_snapshot()
    actor = actors.actor_of(data, actor_id, MARKET)
    found = vendors.product_of(actor, product)
    return respond(request, fmt, "site/product.html", vendors.product_page(data, actor, found))


@public()
def crosschecks_page(request: HttpRequest, fmt: str = "/") -> HttpResponse:
    """Every finding of the market's cross-checks, by rule."""
    context = crosschecks.crosschecks_page(current_snapshot())
    return respond(request, fmt, "site/crosschecks.html", context)


@public()
def listings(request: HttpRequest, fmt: str = "/", page: str | None = None) -> HttpResponse:
    """The imported candidates (the MISP galaxy's vendors), listed but not yet reviewed."""
    data = current_snapshot()
    context = listed.listings_page(data, At(request.path, _params(request), page))
    return respond(request, fmt, "site/listings.html", context)


@public()
def listing(request: HttpRequest, listing_id: str, fmt: str = "/") -> HttpResponse:
    """One imported candidate, as its inventory gives it."""
    context = listed.listing_page(current_snapshot(), listing_id)
    return respond(request, fmt, "site/listing.html", context)


@public()
def directory(request: HttpRequest, section: str, fmt: str = "/") -> HttpResponse:
    """The list of governments, companies, organisations or market actors."""
    data = current_snapshot()
    kinds = {
        "governments": set(GOVERNMENT_KINDS),
        "companies": {"company"},
        "organisations": {"civil-society"},
        "vendors": {"vendor", "person"},
    }[section]
    entries = actors.directory(data, kinds)
    context = {
        "section": section,
        "entries": entries,
        "json": {
            "actors": [
                {
                    "id": e["actor"].id,
                    "name": e["actor"].name,
                    "kind": e["actor"].kind,
                    "assessed": not e["not_assessed"],
                    "measures": e["measures"],
                }
                for e in entries
            ]
        },
    }
    return respond(request, fmt, "site/directory.html", context)


@public()
def provisions(request: HttpRequest, fmt: str = "/") -> HttpResponse:
    """Every framework and its provisions."""
    data = current_snapshot()
    tree = [
        (fw, list(data.provisions_by_framework.get(fw.id, ())))
        for fw in sorted(data.frameworks.values(), key=lambda f: f.position)
    ]
    json = {fw.id: [p.code for p in entries] for fw, entries in tree}
    return respond(request, fmt, "site/provisions.html", {"tree": tree, "json": json})


@public(*MOMENT)
def provision(
    request: HttpRequest, framework: str, number: str, fmt: str = "/", page: str | None = None
) -> HttpResponse:
    """A recommendation or principle: what it asks and the approaches taken, side by side."""
    data = current_snapshot()
    params = _params(request)
    moment = moment_from(data, params)
    context = records.provision_page(
        data, f"{framework}/{number}", moment, At(request.path, params, page)
    )
    return respond(request, fmt, "site/provision.html", context)


@public()
def measure(request: HttpRequest, measure_id: str, fmt: str = "/") -> HttpResponse:
    """A measure with its lifecycle, targets, links and sources."""
    context = records.measure_page(current_snapshot(), measure_id)
    return respond(request, fmt, "site/measure.html", context)


@public()
def source(request: HttpRequest, source_id: str, fmt: str = "/") -> HttpResponse:
    """A source and what cites it."""
    context = records.source_page(current_snapshot(), source_id)
    return respond(request, fmt, "site/source.html", context)


@public("ids", *MOMENT)
def compare(request: HttpRequest, fmt: str = "/") -> HttpResponse:
    """Two to four governments side by side."""
    data = current_snapshot()
    ids = [i for i in request.GET.getlist("ids") if i]
    context = records.compare_page(data, ids, moment_from(data, _params(request)))
    return respond(request, fmt, "site/compare.html", context)


@limited("search")
@public("q")
def search(request: HttpRequest, fmt: str = "/", page: str | None = None) -> HttpResponse:
    """Full-text search, ranked, a page at a time."""
    text = request.GET.get("q", "").strip()
    if len(text) > SEARCH_LENGTH:
        raise BadInput(
            _("q: the search text must be at most %(limit)d characters, got %(length)d")
            % {"limit": SEARCH_LENGTH, "length": len(text)}
        )
    context = search_index.search_page(text, At(request.path, {"q": text}, page))
    return respond(request, fmt, "site/search.html", context)


@public("version")
def methodology(request: HttpRequest, fmt: str = "/") -> HttpResponse:
    """The methodology, rendered from its file, and its history."""
    data = current_snapshot()
    version = request.GET.get("version") or None
    if version and version not in data.methodologies:
        raise BadInput(_("version: no methodology version %(version)r") % {"version": version})
    return respond(request, fmt, "site/methodology.html", records.methodology_page(data, version))


@public("since", "until", "from", "to")
def changes_page(request: HttpRequest, fmt: str = "/", page: str | None = None) -> HttpResponse:
    """What changed between two dates or two editions."""
    data = current_snapshot()
    params = _params(request)
    period = changes.period_from(data, params, dt.date.today())
    found = changes.between(data, period["version"], period["since"], period["until"])
    pager = page_of(found, At(request.path, params, page))
    labels = changes.labels_for(data, pager.items)
    context = {
        **period,
        "pager": pager,
        "changes": [changes.describe(data, c, labels) for c in pager.items],
        "all_editions": data.editions,
        "json": {
            "since": period["since"].isoformat(),
            "until": period["until"].isoformat(),
            **pager.as_dict(),
            "changes": [changes.as_dict(c, labels) for c in pager.items],
        },
    }
    return respond(request, fmt, "site/changes.html", context)
