"""Atom feeds of changes: one for the whole tracker, one per government, company, vendor and
recommendation. `atom_for()` builds a feed from any list of changes (the exports reuse it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mercwatch.site.services.changes import describe, labels_for
from mercwatch.site.services.links import actor_url
from mercwatch.tracker.changes import Change
from mercwatch.tracker.snapshot import Snapshot

FEED_LIMIT = 100


def atom_for(
    data: Snapshot,
    changes: Iterable[Change],
    *,
    title: str,
    link: str,
    feed_url: str,
    base: str = "",
    description: str = "",
    labelled: bool = False,
) -> Atom1Feed:
    """Give an Atom feed with one entry per change (newest first), links made absolute by `base`;
    `labelled`, each cause with the label of its latest revision (the site's feeds; an export
    is of the data alone)."""
    feed = Atom1Feed(
        title=title,
        link=base + link,
        feed_url=base + feed_url,
        description=description or title,
        language=get_language(),
        id=base + feed_url,
        author_name="mercwatch",
    )
    shown = list(changes)[:FEED_LIMIT]
    labels = labels_for(data, shown) if labelled else {}
    for change in shown:
        d = describe(data, change, labels)
        # Atom needs a full timestamp: the day the change counts from, never shown as its date.
        when = dt.datetime.combine(change.date, dt.time(), tzinfo=dt.UTC)
        causes = "; ".join(
            f"{c['title']} ({c['label_name']})" if c.get("label_name") else c["title"]
            for c in d["causes"]
        )
        feed.add_item(
            title=d["title"],
            link=base + actor_url(change.actor, d["actor"].kind) + f"?as_of={change.date}",
            description=_("%(when)s: %(text)s Caused by: %(causes)s.")
            % {"when": d["when"].human(), "text": change.after.text, "causes": causes},
            unique_id=f"tag:mercwatch,{change.date.isoformat()}:{change.id}",
            unique_id_is_permalink=False,
            pubdate=when,
            updateddate=when,
            categories=[change.actor, change.provision],
        )
    return feed


def measures_atom(
    data: Snapshot,
    measures: Iterable[tuple[str, str]],
    *,
    title: str,
    link: str,
    feed_url: str,
    base: str = "",
) -> Atom1Feed:
    """Give an Atom feed of measures aimed at a market actor: (measure ID, role) pairs."""
    feed = Atom1Feed(
        title=title,
        link=base + link,
        feed_url=base + feed_url,
        description=title,
        language=get_language(),
        id=base + feed_url,
        author_name="mercwatch",
    )
    entries = sorted(
        (data.measures[i] for i, _role in measures),
        key=lambda m: m.date.sort_key(),
        reverse=True,
    )
    for m in entries[:FEED_LIMIT]:
        actor = m.actor
        when = dt.datetime.combine(m.date.last_day(), dt.time(), tzinfo=dt.UTC)
        feed.add_item(
            title=f"{data.actors[actor].name}: {m.title}",
            link=f"{base}/measures/{m.id}/",
            description=_("%(when)s: %(summary)s") % {"when": m.date.human(), "summary": m.summary},
            unique_id=f"tag:mercwatch,{m.date}:measure/{m.id}",
            unique_id_is_permalink=False,
            pubdate=when,
            updateddate=when,
        )
    return feed
