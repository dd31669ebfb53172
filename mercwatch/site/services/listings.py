"""The imported candidates on the site: the list, one entry, and the line on a curated
vendor's page. Every one is shown as listed by its inventory and not yet reviewed."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from mercwatch.core.vocabulary import RelationshipKind
from mercwatch.site.services.paging import At, page_of
from mercwatch.site.services.wording import country_name
from mercwatch.store import current as cache
from mercwatch.tracker.snapshot import Listing, NotFound, Snapshot


def inventory_name(inventory: str) -> str:
    return {"misp-galaxy": _("the MISP galaxy")}.get(inventory, inventory)


def status(listing: Listing) -> str:
    """Give the words that say what an entry is: listed by its inventory, not yet reviewed."""
    return _("Listed by %(inventory)s, not yet reviewed") % {
        "inventory": inventory_name(listing.inventory)
    }


def listing_url(key: str) -> str:
    return reverse("site:listing", kwargs={"listing_id": key, "fmt": "/"})


def _by_actor(data: Snapshot) -> dict[str, tuple[Listing, ...]]:
    def build() -> dict[str, tuple[Listing, ...]]:
        out: dict[str, list[Listing]] = defaultdict(list)
        for x in data.listings.values():
            if x.actor is not None:
                out[x.actor].append(x)
        return {actor: tuple(found) for actor, found in out.items()}

    return cache.memo(data, ("site", "listings-by-actor"), build)


def also_listed(data: Snapshot, actor_id: str) -> list[dict[str, Any]]:
    """Give the entries matched to a curated actor, for the line on its page."""
    return [
        {"listing": x, "url": listing_url(x.id), "inventory": inventory_name(x.inventory)}
        for x in _by_actor(data).get(actor_id, ())
    ]


def _sorted(data: Snapshot) -> list[Listing]:
    return cache.memo(
        data,
        ("site", "listings-sorted"),
        lambda: sorted(data.listings.values(), key=lambda x: (x.name.casefold(), x.id)),
    )


def _entry(data: Snapshot, x: Listing) -> dict[str, Any]:
    actor = data.actors.get(x.actor) if x.actor else None
    return {
        "listing": x,
        "url": listing_url(x.id),
        "actor": actor,
        "status": status(x),
        "country": country_name(data, x.country) if x.country else "",
    }


def listings_page(data: Snapshot, at: At) -> dict[str, Any]:
    """The imported candidates, in name order, a page at a time."""
    page = page_of(_sorted(data), at)
    entries = [_entry(data, x) for x in page.items]
    return {
        "pager": page,
        "entries": entries,
        "json": {
            "listings": [
                {
                    "id": e["listing"].id,
                    "name": e["listing"].name,
                    "inventory": e["listing"].inventory,
                    "status": "candidate",
                    "reviewed": False,
                    "actor": e["listing"].actor,
                }
                for e in entries
            ],
            **page.as_dict(),
        },
    }


def listing_page(data: Snapshot, key: str) -> dict[str, Any]:
    """One imported entry, as its inventory gives it, with the ties it records."""
    x = data.listings.get(key)
    if x is None:
        raise NotFound(key)
    labels = dict(RelationshipKind.choices)
    ties = []
    for tie in x.ties:
        other = data.listings.get(tie.object)
        ties.append(
            {
                "phrase": str(labels[tie.kind]) if tie.kind else _("Related to"),
                "other": other,
                "url": listing_url(tie.object) if other else "",
                "confidence": tie.confidence,
            }
        )
    entry = _entry(data, x)
    return {
        **entry,
        "ties": ties,
        "json": {
            "id": x.id,
            "inventory": x.inventory,
            "status": "candidate",
            "reviewed": False,
            "name": x.name,
            "aliases": list(x.aliases),
            "country": x.country,
            "description": x.description,
            "urls": list(x.urls),
            "websites": list(x.websites),
            "actor": x.actor,
            "ties": [
                {"kind": t.kind, "object": t.object, "confidence": t.confidence, "note": t.note}
                for t in x.ties
            ],
        },
    }
