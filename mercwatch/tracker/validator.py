"""The one validator of a snapshot: references that resolve, values the methodology knows.

It checks a snapshot whichever source gave it (the data directory or the database) and names
each problem by its record and the field's path inside it; the loader turns that into the file
and line, the write path into the form's field. Where a record stands (a measure's actor, a
membership's framework) is the database's foreign key or the loader's file layout, checked there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import ActorKind
from mercwatch.tracker.snapshot import Actor, Cite, Listing, Measure, Override, Snapshot

COUNTRY_ID = r"^[A-Z]{2}$"
Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """What is wrong, and where: the record (its kind and key) and the field inside it."""

    kind: str
    key: str
    loc: Loc
    reason: str

    def __str__(self) -> str:
        return f"{self.kind} {self.key}: {dotted(self.loc)}: {self.reason}"


def dotted(loc: Loc) -> str:
    """Give `('measures', 2, 'links', 0)` as `measures[2].links[0]`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(file)"


def is_country_id(value: str) -> bool:
    return re.match(COUNTRY_ID, value) is not None


class _Validator:
    def __init__(self, snapshot: Snapshot) -> None:
        self.s = snapshot
        self.problems: list[Problem] = []
        self.kind = ""
        self.key = ""

    def record(self, kind: str, key: str) -> None:
        self.kind, self.key = kind, key

    def add(self, loc: Loc | str, reason: str) -> None:
        self.problems.append(
            Problem(self.kind, self.key, (loc,) if isinstance(loc, str) else loc, reason)
        )

    def run(self) -> list[Problem]:
        s = self.s
        method = s.latest_methodology()
        if method is None:
            self.record("directory", "methodology")
            self.add((), "no methodology file")
        for actor in s.actors.values():
            self.record("actor", actor.id)
            self.actor(actor)
        for fw in s.frameworks.values():
            self.record("framework", fw.id)
            self.cites(fw.sources, ("sources",))
        for framework, members in s.memberships.items():
            for member in members:
                self.record("membership", f"{member.actor} in {framework}")
                self.actor_ref(member.actor, ())
                self.span(member.since, member.until, ())
                self.cites(member.sources, ("sources",))
        link_levels = set(method.link_levels) if method else set()
        for measure in s.measures.values():
            self.record("measure", measure.id)
            self.measure(measure, link_levels)
        levels = {lv.code for lv in method.levels} if method else set()
        for override in s.overrides:
            self.record("override", f"{override.actor} on {override.provision}")
            self.override(override, levels)
        if method is not None:
            self.record("methodology", method.version)
            self.methodology()
        for listing in s.listings.values():
            self.record("listing", listing.id)
            self.listing(listing)
        for edition in s.editions:
            self.record("edition", edition.id)
            if edition.methodology not in s.methodologies:
                self.add("methodology", f"no methodology {edition.methodology!r}")
            if edition.published < edition.as_of:
                self.add("published", "is before as_of")
        return self.problems

    def actor(self, actor: Actor) -> None:
        coded = is_country_id(actor.id)
        if (actor.kind == ActorKind.COUNTRY.value and not coded) or (
            coded and actor.kind not in {ActorKind.COUNTRY.value, ActorKind.SUPRANATIONAL.value}
        ):
            self.add(
                "id",
                "a country's ID is its ISO 3166-1 alpha-2 code (a body may use its code, "
                "as EU does); other actors use a lowercase slug",
            )
        if actor.country is not None:
            target = self.s.actors.get(actor.country)
            if target is None or target.kind not in {"country", "supranational"}:
                self.add("country", f"{actor.country!r} is not a country")
        self.cites(actor.sources, ("sources",))
        names: set[str] = set()
        for index, alias in enumerate(actor.aliases):
            if alias.name in names or alias.name == actor.name:
                self.add(("aliases", index, "name"), "duplicate name")
            names.add(alias.name)
        for index, rel in enumerate(actor.relationships):
            self.actor_ref(rel.object, ("relationships", index), "object")
            self.span(rel.since, rel.until, ("relationships", index))
            self.cites(rel.sources, ("relationships", index, "sources"))
        for index, product in enumerate(actor.products):
            self.cites(product.sources, ("products", index, "sources"))

    def listing(self, listing: Listing) -> None:
        if listing.id in self.s.actors:
            self.add("id", f"{listing.id!r} is a curated actor's ID: a listing keeps its own key")
        if listing.actor is not None and listing.actor not in self.s.actors:
            self.add("actor", f"unknown actor {listing.actor!r}")
        for index, tie in enumerate(listing.ties):
            other = self.s.listings.get(tie.object)
            if other is None or other.inventory != listing.inventory:
                self.add(
                    ("ties", index, "object"), f"no entry {tie.object!r} in {listing.inventory}"
                )

    def measure(self, measure: Measure, link_levels: set[str]) -> None:
        self.cites(measure.sources, ("sources",))
        for index, event in enumerate(measure.events):
            self.cites(event.sources, ("events", index, "sources"))
        seen_targets: set[str] = set()
        for index, target in enumerate(measure.targets):
            self.actor_ref(target.actor, ("targets", index))
            self.span(target.since, target.until, ("targets", index))
            if target.actor in seen_targets:
                self.add(("targets", index, "actor"), "duplicate target")
            seen_targets.add(target.actor)
        seen_links: set[str] = set()
        for index, link in enumerate(measure.links):
            where = ("links", index, "provision")
            if link.provision not in self.s.provisions:
                self.add(where, f"unknown provision {link.provision!r}")
            if link.provision in seen_links:
                self.add(where, "duplicate link")
            seen_links.add(link.provision)
            if link_levels and link.level not in link_levels:
                self.add(
                    ("links", index, "level"),
                    f"{link.level!r} is not a link level: {', '.join(sorted(link_levels))}",
                )

    def override(self, override: Override, levels: set[str]) -> None:
        self.actor_ref(override.actor, ())
        if override.provision not in self.s.provisions:
            self.add("provision", f"unknown provision {override.provision!r}")
        if levels and override.level not in levels:
            self.add("level", f"{override.level!r} is not a level")
        self.span(override.since, override.until, ())
        self.cites(override.sources, ("sources",))

    def methodology(self) -> None:
        method = self.s.latest_methodology()
        assert method is not None
        for index, scope in enumerate(method.scope):
            if scope.framework is not None and scope.framework not in self.s.frameworks:
                self.add(("scope", index, "framework"), f"unknown {scope.framework!r}")
            self.provision_refs(scope.provisions, ("scope", index, "provisions"))
        for index, implied in enumerate(method.implied):
            if implied.framework not in self.s.frameworks:
                self.add(("implied", index, "framework"), f"unknown {implied.framework!r}")
            self.provision_refs(implied.provisions, ("implied", index, "provisions"))

    def provision_refs(self, codes: Iterable[str], loc: Loc) -> None:
        for index, code in enumerate(codes):
            if code not in self.s.provisions:
                self.add((*loc, index), f"unknown provision {code!r}")

    def actor_ref(self, actor_id: str, loc: Loc, field_name: str = "actor") -> None:
        if actor_id in self.s.listings and actor_id not in self.s.actors:
            self.add(
                (*loc, field_name),
                f"{actor_id!r} is an imported listing, not yet reviewed: only a curated actor "
                "may be named here",
            )
        elif actor_id not in self.s.actors:
            self.add((*loc, field_name), f"unknown actor {actor_id!r}")

    def span(self, since: PartialDate | None, until: PartialDate | None, loc: Loc) -> None:
        if since is not None and until is not None and until.sort_key() < since.sort_key():
            self.add((*loc, "until"), f"{until} is before since {since}")

    def cites(self, cites: tuple[Cite, ...], loc: Loc) -> None:
        for index, cite in enumerate(cites):
            if cite.source not in self.s.sources:
                self.add((*loc, index, "source"), f"unknown source {cite.source!r}")


def validate(snapshot: Snapshot) -> list[Problem]:
    """Give every problem of `snapshot`, in the order of its records; none if it is sound."""
    return _Validator(snapshot).run()
