"""The parts of pages that repeat one small pattern hundreds or thousands of times.

Each has its small template: the scorecard's rows (250 governments × 7 cells,
`site/_scorecard_row.html`), the map's shapes (about 180, `site/_map_shape.html`) and the list of
contributions behind an assessment (`site/_contributions.html`). Django's template language
takes about 90 µs a row, five times the formatting in Python it replaced, so each fragment is
kept for its inputs in a bounded LRU (a row no write and no new day changed is not rendered
again), and the moment's rows and shapes also beside the derived assessments they show
(`cache.memo`, dropped when the data or the methodology changes): a filter or a sort of the
scorecard only joins them. The browser tests read the markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mercwatch.site.services import geometry
from mercwatch.site.services.links import actor_url
from mercwatch.site.services.moment import Moment
from mercwatch.site.services.scorecard import Row, all_rows
from mercwatch.store import current as cache
from mercwatch.tracker.derive import Contribution
from mercwatch.tracker.snapshot import Snapshot

TOTAL_BANDS = ((0, 0, "0"), (1, 3, "1–3"), (4, 7, "4–7"), (8, 13, "8–13"), (14, 28, "14–28"))
HIGHEST = TOTAL_BANDS[-1][1]  # the highest total: 7 recommendations × 4


def _render(template: str, context: dict[str, Any]) -> SafeString:
    return mark_safe(get_template(template).render(context))  # escaped by the template


# Where a kept row or shape holds the moment's query string ("?as_of=…"), put in when it is
# shown: so a row is rendered once for what it shows, not once more for every date asked for.
QUERY = "mwquery0placeholder"


def _with_query(kept: str, query: str) -> str:
    return kept.replace(QUERY, escape(query))


@receiver(setting_changed)
def _routes_changed(*, setting: str, **_signal: object) -> None:
    """Forget the fragments, which hold URLs, when a test gives the site other routes."""
    if setting == "ROOT_URLCONF":
        for kept in (_row, _shape, _contributions):
            kept.cache_clear()


def _rows_html(data: Snapshot, moment: Moment) -> dict[str, str]:
    """Give every government's scorecard row at the moment, keyed by its ID."""

    def build() -> dict[str, str]:
        return {r.actor.id: _row_html(r, moment.query) for r in all_rows(data, moment)}

    return cache.memo(data, ("row-html", moment.version, moment.day, moment.query), build)


def _row_html(row: Row, query: str) -> str:
    cells = tuple((a.level, _anchor(a.provision), a.label) for a in row.cells)
    page = actor_url(row.actor.id, row.actor.kind) + QUERY
    return _with_query(_row(page, row.actor.name, cells, row.total), query)


@lru_cache(maxsize=1024)
def _row(page: str, name: str, cells: tuple[tuple[str, str, str], ...], total: int) -> SafeString:
    """Give a row of the scorecard: the government's name, each cell (its level, the anchor
    of its explanation, its label) and the total. Kept for its inputs, beyond the moment's
    rows: a row that neither a write nor a new day changed, nor another date, is not rendered
    again."""
    context = {"page": page, "name": name, "cells": cells, "total": total}
    return _render("site/_scorecard_row.html", context)


@lru_cache(maxsize=64)
def _anchor(code: str) -> str:
    """Give the anchor of a provision's explanation on an actor's page (`blueprint1`)."""
    return slugify(code)


def scorecard_body(data: Snapshot, moment: Moment, rows: list[Row]) -> SafeString:
    """Give the `<tbody>` rows of the scorecard for `rows`, in their order."""
    if not rows:
        return _render("site/_scorecard_empty.html", {})
    html = _rows_html(data, moment)
    return mark_safe("\n".join(html[r.actor.id] for r in rows))


def _shape_html(row: Row, d: str, map_of: str, query: str, words: tuple[str, str]) -> str:
    total, named = words
    if map_of == "total":
        band = next(i for i, (lo, hi, _l) in enumerate(TOTAL_BANDS) if lo <= row.total <= hi)
        css = f"band-{band}"
        label = total % {"total": row.total, "highest": HIGHEST}
    else:
        cell = next(c for c in row.cells if c.provision == map_of)
        css, label = f"lv-{cell.level}", cell.label
    name = named % {"name": row.actor.name, "level": label}
    page = actor_url(row.actor.id, row.actor.kind) + QUERY
    return _with_query(_shape(page, name, css, d), query)


@lru_cache(maxsize=1024)
def _shape(page: str, name: str, css: str, d: str) -> SafeString:
    """Give a country of the map: its path `d`, coloured by `css`, linked to `page`, named.
    Kept for its inputs: the regions' maps show the world's shapes again."""
    context = {"page": page, "name": name, "css": css, "d": d}
    return _render("site/_map_shape.html", context)


def map_shapes(data: Snapshot, moment: Moment, map_of: str, zoom: str = "") -> SafeString:
    """Give each country in the map's view (the world, or the region `zoom`), coloured by
    `map_of`, as a link with an accessible name."""

    def build() -> str:
        by_id = {r.actor.id: r for r in all_rows(data, moment)}
        # translated once for the map, not once per shape (a lookup costs about 10 µs)
        words = (_("total %(total)d of %(highest)d"), _("%(name)s: %(level)s"))
        return "".join(
            _shape_html(by_id[code], d, map_of, moment.query, words)
            for code, d in geometry.paths().items()
            if code in by_id and geometry.in_view(code, zoom)
        )

    key = ("map-html", moment.version, moment.day, moment.query, map_of, zoom)
    return mark_safe(cache.memo(data, key, build))


def contributions(
    items: Iterable[Contribution], levels: Mapping[str, str], as_of: dt.date | None = None
) -> SafeString:
    """Give the measures and memberships behind an assessment as a list, each with its
    link level (named by `levels`), rationale and sources, those published after `as_of`
    marked so (an actor's page shows up to a dozen per provision)."""
    shown = tuple(items)
    if not shown:
        return mark_safe("")
    names = tuple(levels.get(c.link_level, c.link_level) for c in shown)
    return _contributions(shown, names, as_of, get_language())


@lru_cache(maxsize=1024)
def _contributions(
    items: tuple[Contribution, ...],
    names: tuple[str, ...],
    as_of: dt.date | None,
    language: str | None,
) -> SafeString:
    """Give the list of `items`, each with the name of its level, in `language` (the list's
    words are translated). Kept for its inputs: an actor's page at another date, its evidence
    pages and a rebuilt snapshot show most of the same lists again."""
    context = {"items": list(zip(items, names, strict=True)), "as_of": as_of}
    return _render("site/_contributions.html", context)
