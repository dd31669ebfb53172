"""What the pages of the market show: a vendor's or a person's identity, designations (its own
and those of the actors tied to it, with the path), actions and findings, relationships (drawn
and listed), products, cross-checks and the provenance of each fact; and a product's page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mercwatch.core.vocabulary import AliasKind
from mercwatch.market.services import DESIGNATED, Designation, Tie, designations_of, ties_of
from mercwatch.site.services import crosschecks
from mercwatch.site.services.graph import graph_of
from mercwatch.site.services.index import targeted_by
from mercwatch.site.services.links import route_url, section_url
from mercwatch.site.services.wording import (
    country_name,
    designated_span,
    kind_label,
    role_label,
    span,
    tie_phrase,
)
from mercwatch.tracker.snapshot import Actor, Cite, NotFound, Product, Snapshot, Source, as_json

TIES_SHOWN = 100  # a page lists at most this many ties; its JSON twin holds every one
CURATED = "curated"  # every record of the data directory; imported listings are not (yet)
ALIAS_HEADINGS: dict[str, Promise] = {
    AliasKind.LEGAL.value: _("Legal name"),
    AliasKind.ALIAS.value: _("Also known as"),
    AliasKind.FORMER.value: _("Former names"),
}


def product_url(actor_id: str, product_id: str) -> str:
    """Give the page of one of a vendor's products."""
    return route_url("site:product", actor_id=actor_id, product=product_id, fmt="/")


def _sources(data: Snapshot, cites: tuple[Cite, ...] | list[str]) -> list[Source]:
    ids = [c if isinstance(c, str) else c.source for c in cites]
    return [data.sources[s] for s in dict.fromkeys(ids) if s in data.sources]


def _designation(data: Snapshot, actor: str, d: Designation, today: dt.date) -> dict[str, Any]:
    """Give one designation as the vendor page shows it: who, what, when, and the path."""
    via = None
    if d.via is not None:
        other = data.actors[d.via.other(actor)]
        via = {
            "actor": other,
            "phrase": tie_phrase(d.via, other.id),
            "of": data.actors[actor],
            "span": span(d.via.since, d.via.until, today),
        }
    measure = data.measures[d.measure]
    return {
        "measure": measure,
        "by": data.actors[d.by],
        "target": data.actors[d.target],
        "span": designated_span(d.since, d.until, today),
        "removed": d.removed,
        "in_force": d.counts_on(today),
        "note": d.note,
        "via": via,
        "sources": _sources(data, measure.sources),
    }


def _designation_json(d: Designation, today: dt.date) -> dict[str, Any]:
    return {
        "measure": d.measure,
        "by": d.by,
        "target": d.target,
        "since": str(d.since),
        "until": _s(d.until),
        "removed": d.removed,
        "in_force": d.counts_on(today),
        "via": None if d.via is None else _tie_json(d.via),
    }


def _tie_json(t: Tie) -> dict[str, Any]:
    return {
        "subject": t.subject,
        "kind": t.kind,
        "object": t.object,
        "since": _s(t.since),
        "until": _s(t.until),
    }


def _by_measure(shown: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group designations by measure, oldest first, each with the actors it names."""
    groups: dict[str, dict[str, Any]] = {}
    for d in shown:
        group = groups.setdefault(d["measure"].id, {**d, "entries": []})
        group["entries"].append(d)
    return sorted(groups.values(), key=lambda g: (g["measure"].date.sort_key(), g["measure"].id))


def _aliases(actor: Actor) -> list[dict[str, Any]]:
    """Give the actor's other names by kind: its legal name, other names, former names."""
    return [
        {"heading": str(heading), "names": [a.name for a in actor.aliases if a.kind == kind]}
        for kind, heading in ALIAS_HEADINGS.items()
        if any(a.kind == kind for a in actor.aliases)
    ]


def _product(data: Snapshot, actor: Actor, p: Product) -> dict[str, Any]:
    return {
        "product": p,
        "kind": p.kind.replace("-", " "),
        "url": product_url(actor.id, p.id) if p.sources else "",
        "sources": _sources(data, p.sources),
    }


def _aimed(data: Snapshot, actor: Actor, today: dt.date) -> list[dict[str, Any]]:
    """Give the measures aimed at the actor, oldest first, with its role in each."""
    aimed: list[dict[str, Any]] = []
    for measure_id, role in targeted_by(data, actor.id):
        m = data.measures[measure_id]
        target = next(t for t in m.targets if t.actor == actor.id and t.role == role)
        aimed.append(
            {
                "measure": m,
                "role": role,
                "role_label": role_label(role),
                "by": data.actors[m.actor],
                "span": span(target.since, target.until, today),
            }
        )
    aimed.sort(key=lambda x: x["measure"].date.sort_key())
    return aimed


def vendor_page(data: Snapshot, actor: Actor, today: dt.date | None = None) -> dict[str, Any]:
    """Give a market actor's page: identity, designations (its own as a timeline, then those
    of actors tied to it, with the tie), other actions, findings, relationships drawn and
    listed, products, the cross-checks that concern it, and where each fact comes from."""
    today = today or dt.date.today()
    aimed = _aimed(data, actor, today)
    found = designations_of(data, actor.id)
    shown = [_designation(data, actor.id, d, today) for d in found]
    ties = ties_of(data, actor.id)
    relationships = [
        {
            "phrase": tie_phrase(t, actor.id),
            "actor": data.actors[t.other(actor.id)],
            "span": span(t.since, t.until, today),
            "note": t.note,
            "sources": _sources(data, list(t.sources)),
        }
        for t in ties[:TIES_SHOWN]
    ]
    checks, checks_json = crosschecks.concerning(data, actor.id, today)
    products = [_product(data, actor, p) for p in actor.products]
    country = country_name(data, actor.country) if actor.country else ""
    return {
        "actor": actor,
        "person": actor.kind == "person",
        "kind_label": kind_label(actor.kind),
        "country": country,
        "country_url": section_url("governments", actor.country)
        if actor.country and actor.country in data.actors
        else "",
        "aliases": _aliases(actor),
        "designations": [d for d in shown if d["via"] is None],
        "affiliated": _by_measure([d for d in shown if d["via"] is not None]),
        "actions": [a for a in aimed if a["role"] not in {"named", DESIGNATED}],
        "findings": [a for a in aimed if a["role"] == "named"],
        "graph": graph_of(data, actor.id, today),
        "relationships": relationships,
        "relationships_left_out": max(0, len(ties) - TIES_SHOWN),
        "products": products,
        "crosschecks": checks,
        "sources": _sources(data, actor.sources),
        "json": {
            "actor": as_json(actor, exclude_defaults=True),
            "provenance": CURATED,
            "country_name": country or None,
            "designations": [_designation_json(d, today) for d in found],
            "targeted_by": [
                {"measure": a["measure"].id, "role": a["role"], "by": a["by"].id} for a in aimed
            ],
            "relationships": [_tie_json(t) for t in ties],
            "related_from": [
                {"actor": t.subject, "kind": t.kind, "since": _s(t.since), "until": _s(t.until)}
                for t in ties
                if t.object == actor.id
            ],
            "products": [
                {"id": p["product"].id, "name": p["product"].name, "page": p["url"] or None}
                for p in products
            ],
            "crosschecks": checks_json,
        },
    }


def product_of(actor: Actor, product_id: str) -> Product:
    """Give the actor's product with this ID if a source supports it, else raise NotFound."""
    for p in actor.products:
        if p.id == product_id and p.sources:
            return p
    raise NotFound(product_id)


def product_page(data: Snapshot, actor: Actor, product: Product) -> dict[str, Any]:
    """Give a product's page: what it is, who makes it, its sources, and the findings that name
    its maker and the product (by name, in their title or summary)."""
    word = product.name.casefold()
    findings = [
        a
        for a in _aimed(data, actor, dt.date.today())
        if word in f"{a['measure'].title} {a['measure'].summary}".casefold()
    ]
    return {
        "actor": actor,
        "product": product,
        "kind": product.kind.replace("-", " "),
        "sources": _sources(data, product.sources),
        "findings": findings,
        "json": {
            "product": as_json(product, exclude_defaults=True),
            "vendor": actor.id,
            "provenance": CURATED,
            "measures": [{"measure": a["measure"].id, "role": a["role"]} for a in findings],
        },
    }


def _s(value: object) -> str | None:
    return None if value is None else str(value)
