"""The parts of pages that repeat one small pattern hundreds or thousands of times, as HTML.

The scorecard's rows (250 governments × 7 cells), the map's shapes (about 180) and the list of
contributions behind an assessment cost about 100 ms a render in Django's template language, so
they are formatted here, every value escaped. The rows and shapes are also kept beside the
derived assessments they show (`cache.memo`, dropped when the data or the methodology changes).
The rest of each page stays in its template; the browser tests read the markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mercwatch.site.services import geometry
from mercwatch.site.services.moment import Moment
from mercwatch.site.services.scorecard import Row, all_rows
from mercwatch.site.services.wording import source_kind
from mercwatch.store import current as cache
from mercwatch.tracker.derive import Contribution, SourceRef
from mercwatch.tracker.snapshot import Snapshot

TOTAL_BANDS = ((0, 0, "0"), (1, 3, "1–3"), (4, 7, "4–7"), (8, 13, "8–13"), (14, 28, "14–28"))


def _row_html(row: Row, query: str) -> str:
    page = escape(f"/governments/{row.actor.id}/{query}")
    cells = "".join(
        f'<td><a class="lv lv-{escape(a.level)}" href="{page}#{slugify(a.provision)}">'
        f"{escape(a.label)}</a></td>"
        for a in row.cells
    )
    return (
        f'<tr><th scope="row"><a href="{page}">{escape(row.actor.name)}</a></th>{cells}'
        f'<td class="total">{row.total}</td></tr>'
    )


def _rows_html(data: Snapshot, moment: Moment) -> dict[str, str]:
    """Give every government's scorecard row at the moment, keyed by its ID."""
    return cache.memo(
        data,
        ("row-html", moment.version, moment.day, moment.query),
        lambda: {r.actor.id: _row_html(r, moment.query) for r in all_rows(data, moment)},
    )


def scorecard_body(data: Snapshot, moment: Moment, rows: list[Row]) -> SafeString:
    """Give the `<tbody>` rows of the scorecard for `rows`, in their order."""
    if not rows:
        return mark_safe('<tr><td colspan="9">No government matches these filters.</td></tr>')
    html = _rows_html(data, moment)
    return mark_safe("\n".join(html[r.actor.id] for r in rows))


def _shape(row: Row, d: str, map_of: str, query: str) -> str:
    if map_of == "total":
        band = next(i for i, (lo, hi, _l) in enumerate(TOTAL_BANDS) if lo <= row.total <= hi)
        css, label = f"band-{band}", f"total {row.total} of 28"
    else:
        cell = next(c for c in row.cells if c.provision == map_of)
        css, label = f"lv-{cell.level}", cell.label
    name = escape(f"{row.actor.name}: {label}")
    page = escape(f"/governments/{row.actor.id}/{query}")
    return (
        f'<a href="{page}" aria-label="{name}"><path class="{escape(css)}" d="{escape(d)}">'
        f"<title>{name}</title></path></a>"
    )


def map_shapes(data: Snapshot, moment: Moment, map_of: str, zoom: str = "") -> SafeString:
    """Give each country in the map's view (the world, or the region `zoom`), coloured by
    `map_of`, as a link with an accessible name."""

    def build() -> str:
        by_id = {r.actor.id: r for r in all_rows(data, moment)}
        return "".join(
            _shape(by_id[code], d, map_of, moment.query)
            for code, d in geometry.paths().items()
            if code in by_id and geometry.in_view(code, zoom)
        )

    key = ("map-html", moment.version, moment.day, moment.query, map_of, zoom)
    return mark_safe(cache.memo(data, key, build))


def _source_html(s: SourceRef, as_of: dt.date | None) -> str:
    stance = f"<strong>{escape(_('Disputed by:'))}</strong> " if s.stance == "disputes" else ""
    published = f", {escape(s.published.human())}" if s.published else ""
    if s.published and as_of and s.published.first_day() > as_of:
        published += f", {escape(_('published after this date'))}"
    return (
        f'<li>{stance}<a href="{escape(s.url)}" rel="noreferrer">{escape(s.host)}</a>'
        f" ({escape(source_kind(s.kind))}{published})</li>"
    )


def _contribution_html(c: Contribution, levels: Mapping[str, str], as_of: dt.date | None) -> str:
    title = (
        f'<a href="/measures/{escape(c.id)}/">{escape(c.title)}</a>'
        if c.kind == "measure"
        else escape(c.title)
    )
    when = escape(c.date.human()) if c.date else escape(_("date unknown"))
    flags = (f" <strong>{escape(_('decisive'))}</strong>" if c.decisive else "") + (
        f" <strong>{escape(_('disputed'))}</strong>" if c.disputed else ""
    )
    sources = "".join(_source_html(s, as_of) for s in c.sources)
    css = ' class="decisive"' if c.decisive else ""
    level = escape(levels.get(c.link_level, c.link_level))
    return (
        f'<li{css}>{title} <span class="when">({when})'
        f'</span> – <span class="lv lv-{escape(c.link_level)}">{level}</span>'
        f'{flags}\n<p>{escape(c.rationale)}</p>\n<ul class="sources">{sources}</ul></li>'
    )


def contributions(
    items: Iterable[Contribution], levels: Mapping[str, str], as_of: dt.date | None = None
) -> SafeString:
    """Give the measures and memberships behind an assessment as a list, each with its
    link level (named by `levels`), rationale and sources, those published after `as_of`
    marked so (an actor's page shows up to a dozen per provision)."""
    html = "".join(_contribution_html(c, levels, as_of) for c in items)
    return mark_safe(f'<ul class="contributions">{html}</ul>' if html else "")
