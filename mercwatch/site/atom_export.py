"""Atom feed of changes, an export format: the newest level changes up to the export's date.

It lives with the site, which registers it when it starts (site/apps.py), because it is built
by the site's `atom_for()` (the same entries, titles and tag-URI IDs as the site's
feeds), with the data licence as the feed's `rights`; entry IDs are made of the changes' stable
IDs, so the same change has the same ID in every build.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mercwatch.exports.bundle import Bundle
from mercwatch.exports.licence import ATTRIBUTION
from mercwatch.exports.registry import Exporter, register
from mercwatch.site.feeds import atom_for
from mercwatch.site.services.links import route_url


def write_atom(bundle: Bundle, out: Path) -> None:
    """Write the feed of the bundle's changes, newest first."""
    feed = atom_for(
        bundle.whole,
        list(reversed(bundle.changes)),
        title=_("mercwatch – changes up to %(day)s") % {"day": bundle.as_of.isoformat()},
        link=route_url("site:changes", fmt="/"),
        feed_url=route_url("site:changes-feed"),
        description=_("Level changes of the mercwatch assessments, with their causes."),
    )
    feed.feed["feed_copyright"] = ATTRIBUTION
    if not feed.items:
        # An empty feed would be stamped with the time of the build: use the export's date.
        stamp = dt.datetime.combine(bundle.as_of, dt.time(), tzinfo=dt.UTC)
        feed.latest_post_date = lambda: stamp  # type: ignore[method-assign]
    buffer = io.StringIO()
    feed.write(buffer, "utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(buffer.getvalue() + "\n", encoding="utf-8", newline="\n")


register(
    Exporter(
        name="atom",
        title=gettext_lazy("Atom feed of changes (the newest 100)"),
        filename="mercwatch-{label}-changes.atom",
        media_type="application/atom+xml",
        write=write_atom,
    )
)
