"""What the home page shows: the scorecard, the headline numbers, the map, latest changes."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from mercwatch.site.services import changes, fragments, geometry, scorecard
from mercwatch.site.services.links import route_url
from mercwatch.site.services.moment import Moment
from mercwatch.site.services.scorecard import Query, tracked
from mercwatch.tracker.changes import EPOCH
from mercwatch.tracker.services.assessments import methodology_of
from mercwatch.tracker.snapshot import Snapshot


def link(moment: Moment, query: Query, **change: str) -> str:
    """Give the home page URL for this moment and query, with some parameters changed."""
    params: dict[str, str] = {}
    if moment.edition is not None:
        params["edition"] = moment.edition.id
    elif moment.chosen:
        params["as_of"] = moment.day.isoformat()
    for key, fw in scorecard.FILTERS.items():
        if fw in query.members:
            params[key] = "1"
    if query.region:
        params["region"] = query.region
    if query.evidence:
        params["evidence"] = "1"
    params["sort"] = query.sort
    params["order"] = "desc" if query.descending else "asc"
    params.update(change)
    return route_url("site:home") + "?" + urlencode(params)


def sort_links(data: Snapshot, moment: Moment, query: Query) -> dict[str, dict[str, str]]:
    """Give each sortable column its link and its current aria-sort state."""
    out = {}
    for column in scorecard.sorts(data, moment.version):
        current = query.sort == column
        order = (
            ("asc" if query.descending else "desc")
            if current
            else ("asc" if column == "name" else "desc")
        )
        state = ("descending" if query.descending else "ascending") if current else "none"
        out[column] = {"url": link(moment, query, sort=column, order=order), "state": state}
    return out


def zoom_links(moment: Moment, query: Query, map_of: str, zoom: str) -> list[dict[str, Any]]:
    """Give the links that show the map of the world or of one region, the current one marked."""
    views = [("", _("the world"))] + [(key, label) for key, (label, _box) in geometry.ZOOMS.items()]
    return [
        {
            "label": label,
            "url": link(moment, query, map=map_of, **({"zoom": key} if key else {})),
            "current": key == zoom,
        }
        for key, label in views
    ]


def home_page(
    data: Snapshot, moment: Moment, query: Query, map_of: str, zoom: str = ""
) -> dict[str, Any]:
    """Give everything the home page shows, derived at the moment, the map in the view `zoom`."""
    rows = scorecard.rows_for(data, moment, query)
    headline = scorecard.headline(data, moment, rows)
    columns = tracked(data, moment.version)
    latest = changes.between(
        data, moment.version, EPOCH, moment.day, provisions=set(columns), limit=8
    )
    method_levels = [
        level
        for level in methodology_of(data, moment.version).levels
        if level.code not in {"not-assessed", "not-applicable"}
    ]
    provisions = [(code, data.provisions[code]) for code in columns]
    return {
        "moment": moment,
        "method_version": methodology_of(data, moment.version).version,
        "query": query,
        "rows": rows,
        "provisions": provisions,
        "levels": method_levels,
        "headline": headline,
        "regions": [(r, geometry.region_name(r)) for r in geometry.regions()],
        "editions": data.editions,
        "map_of": map_of,
        "map_title": _("total score") if map_of == "total" else data.provisions[map_of].title,
        "shapes": fragments.map_shapes(data, moment, map_of, zoom),
        "zoom": zoom,
        "zoom_label": geometry.ZOOMS[zoom][0] if zoom else "",
        "zooms": zoom_links(moment, query, map_of, zoom),
        "body": fragments.scorecard_body(data, moment, rows),
        "view_box": geometry.view_box(zoom),
        "bands": fragments.TOTAL_BANDS,
        "latest": [changes.describe(data, c) for c in latest],
        "filters": scorecard.FILTERS,
        "sorts": sort_links(data, moment, query),
        "json": lambda: {  # built only for the JSON twin (a row's dict costs 5 µs × 196)
            "as_of": moment.as_dict(),
            "query": query.as_dict(),
            "headline": headline,
            "rows": [r.as_dict() for r in rows],
            "latest_changes": [changes.as_dict(c) for c in latest],
        },
    }
