"""Atom feed of changes: every level change up to the export's date, newest first.

Built with Django's `Atom1Feed`; entry IDs are tag URIs made of the change's stable ID, so the
same change has the same ID in every build.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from django.utils.feedgenerator import Atom1Feed

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.licence import ATTRIBUTION
from mercwatch.exports.registry import Exporter, register

FEED_ID = "tag:mercwatch,2026:changes"


class _Feed(Atom1Feed):
    """An Atom feed whose `updated` is its newest entry, or the export's date: never now."""

    def __init__(self, *args: object, as_of: dt.date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.as_of = dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)

    def latest_post_date(self) -> dt.datetime:
        return super().latest_post_date() if self.items else self.as_of


def feed(bundle: Bundle) -> Atom1Feed:
    """Give the feed of the bundle's changes."""
    data = bundle.data
    atom = _Feed(
        as_of=bundle.as_of,
        title=f"mercwatch – changes up to {bundle.as_of.isoformat()}",
        link="/changes/",
        description="Level changes of the mercwatch assessments, with their causes.",
        language="en",
        feed_guid=FEED_ID,
        author_name="mercwatch",
        feed_copyright=ATTRIBUTION,
    )
    for change in reversed(bundle.changes):
        actor = data.actors[change.actor].name
        title = data.provisions[change.provision][2].title
        when = dt.datetime.combine(change.date, dt.time(), tzinfo=dt.UTC)
        atom.add_item(
            title=f"{actor}: {change.before.label} → {change.after.label} on {title}",
            link=f"/changes/#{change.id}",
            description=f"{change.after.text} Caused by: {', '.join(change.causes)}.",
            unique_id=f"tag:mercwatch,{change.date.isoformat()}:{change.id}",
            unique_id_is_permalink=False,
            pubdate=when,
            updateddate=when,
            categories=[change.actor, change.provision],
        )
    return atom


def write_atom(bundle: Bundle, out: Path) -> None:
    buffer = io.StringIO()
    feed(bundle).write(buffer, "utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(buffer.getvalue() + "\n", encoding="utf-8", newline="\n")


register(
    Exporter(
        name="atom",
        title="Atom feed of changes",
        filename="mercwatch-changes.atom",
        media_type="application/atom+xml",
        write=write_atom,
    )
)
