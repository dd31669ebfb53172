"""Checks across files: unique IDs, references that resolve, values the methodology knows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import ActorKind
from mercwatch.tracker.loader.errors import LoadError, Where
from mercwatch.tracker.loader.read import Files, read_files, read_texts
from mercwatch.tracker.loader.schemas import (
    ActorFile,
    Cite,
    EditionEntry,
    FrameworkFile,
    MeasureEntry,
    MemberEntry,
    OverrideEntry,
    ProvisionEntry,
    SourceEntry,
    is_country_id,
)
from mercwatch.tracker.methodology import MethodologyFile


@dataclass
class Dataset:
    """A checked data directory, indexed by public ID, in file order."""

    frameworks: dict[str, FrameworkFile] = field(default_factory=dict)
    provisions: dict[str, tuple[str, str | None, ProvisionEntry]] = field(default_factory=dict)
    actors: dict[str, ActorFile] = field(default_factory=dict)
    memberships: dict[str, list[MemberEntry]] = field(default_factory=dict)
    sources: dict[str, tuple[str, int, SourceEntry]] = field(default_factory=dict)
    measures: dict[str, tuple[str, str, int, MeasureEntry]] = field(default_factory=dict)
    overrides: list[OverrideEntry] = field(default_factory=list)
    methodologies: dict[str, tuple[str, MethodologyFile]] = field(default_factory=dict)
    editions: list[EditionEntry] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    # What is derived from this data alone (engine inputs, engines), kept with it.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def latest_methodology(self) -> MethodologyFile | None:
        if not self.methodologies:
            return None
        version = max(self.methodologies, key=lambda v: tuple(int(x) for x in v.split(".")))
        return self.methodologies[version][1]


def _flatten(entries: tuple[ProvisionEntry, ...], parent: str | None, loc: tuple[str | int, ...]):  # type: ignore[no-untyped-def]
    for index, entry in enumerate(entries):
        yield entry, parent, (*loc, index)
        yield from _flatten(entry.provisions, entry.code, (*loc, index, "provisions"))


class _Checker:
    def __init__(self, files: Files) -> None:
        self.files = files
        self.data = Dataset()
        self.errors: list[LoadError] = list(files.errors)
        self.seen: dict[tuple[str, str], Where] = {}

    def unique(self, kind: str, key: str, where: Where, field_name: str) -> bool:
        first = self.seen.get((kind, key))
        if first is not None:
            line = first.error(field_name, "").line
            self.errors.append(
                where.error(field_name, f"duplicate {kind} {key!r} (first in {first.path}:{line})")
            )
            return False
        self.seen[(kind, key)] = where
        return True

    def index(self) -> None:
        files = self.files
        for fw in files.frameworks:
            if self.unique("framework", fw.model.id, fw.where, "id"):
                self.data.frameworks[fw.model.id] = fw.model
            for entry, parent, loc in _flatten(fw.model.provisions, None, ("provisions",)):
                where = fw.where.at(*loc)
                if entry.code.split("/")[0] != fw.model.id:
                    self.errors.append(
                        where.error(
                            "code", f"a provision of {fw.model.id} is coded {fw.model.id}/N"
                        )
                    )
                if self.unique("provision", entry.code, where, "code"):
                    self.data.provisions[entry.code] = (fw.model.id, parent, entry)
        for actor in files.actors:
            if self.unique("actor", actor.model.id, actor.where, "id"):
                self.data.actors[actor.model.id] = actor.model
            for index, product in enumerate(actor.model.products):
                self.unique("product", product.id, actor.where.at("products", index), "id")
        for group, source_file in files.sources:
            for index, source in enumerate(source_file.model.sources):
                where = source_file.where.at("sources", index)
                self.unique("source URL", source.url, where, "url")
                if self.unique("source", source.id, where, "id"):
                    self.data.sources[source.id] = (group, index, source)
        for actor_id, family, measure_file in files.measures:
            for index, measure in enumerate(measure_file.model.measures):
                where = measure_file.where.at("measures", index)
                if self.unique("measure", measure.id, where, "id"):
                    self.data.measures[measure.id] = (actor_id, family, index, measure)
        for text, method_file in files.methodologies:
            self.data.methodologies[method_file.model.version] = (text, method_file.model)

    def check_refs(self) -> None:
        method = self.data.latest_methodology()
        levels = {lv.code for lv in method.levels} if method else set()
        link_levels = set(method.link_levels) if method else set()
        if method is None:
            self.errors.append(LoadError("methodology", 1, "(directory)", "no methodology file"))
        for actor in self.files.actors:
            self.check_actor(actor.model, actor.where)
        for framework_file in self.files.frameworks:
            self.cites(framework_file.model.sources, framework_file.where.at("sources"))
        for member_file in self.files.memberships:
            fw = member_file.model.framework
            if fw not in self.data.frameworks:
                self.errors.append(
                    member_file.where.error("framework", f"unknown framework {fw!r}")
                )
            self.data.memberships.setdefault(fw, [])
            for index, member in enumerate(member_file.model.members):
                where = member_file.where.at("members", index)
                self.actor_ref(member.actor, where, "actor")
                self.span(member.since, member.until, where)
                self.cites(member.sources, where.at("sources"))
                if self.unique("membership", f"{member.actor} in {fw}", where, "actor"):
                    self.data.memberships[fw].append(member)
        for actor_id, _family, measure_file in self.files.measures:
            if actor_id not in self.data.actors:
                self.errors.append(
                    measure_file.where.error((), f"measures/{actor_id}/: no actor {actor_id!r}")
                )
            for index, measure in enumerate(measure_file.model.measures):
                self.check_measure(measure, measure_file.where.at("measures", index), link_levels)
        for override_file in self.files.overrides:
            for index, override in enumerate(override_file.model.overrides):
                where = override_file.where.at("overrides", index)
                self.check_override(override, where, levels)
        if method is not None:
            self.check_methodology(method)
        for edition_file in self.files.editions:
            for index, edition in enumerate(edition_file.model.editions):
                where = edition_file.where.at("editions", index)
                if edition.methodology not in self.data.methodologies:
                    self.errors.append(
                        where.error("methodology", f"no methodology {edition.methodology!r}")
                    )
                if edition.published < edition.as_of:
                    self.errors.append(where.error("published", "is before as_of"))
                if self.unique("edition", edition.id, where, "id"):
                    self.data.editions.append(edition)

    def check_actor(self, actor: ActorFile, where: Where) -> None:
        coded = is_country_id(actor.id)
        if (actor.kind == ActorKind.COUNTRY.value and not coded) or (
            coded and actor.kind not in {ActorKind.COUNTRY.value, ActorKind.SUPRANATIONAL.value}
        ):
            self.errors.append(
                where.error(
                    "id",
                    "a country's ID is its ISO 3166-1 alpha-2 code (a body may use its code, "
                    "as EU does); other actors use a lowercase slug",
                )
            )
        if actor.country is not None:
            target = self.data.actors.get(actor.country)
            if target is None or target.kind not in {"country", "supranational"}:
                self.errors.append(where.error("country", f"{actor.country!r} is not a country"))
        self.cites(actor.sources, where.at("sources"))
        names: set[str] = set()
        for index, alias in enumerate(actor.aliases):
            if alias.name in names or alias.name == actor.name:
                self.errors.append(where.error(("aliases", index, "name"), "duplicate name"))
            names.add(alias.name)
        for index, rel in enumerate(actor.relationships):
            rel_where = where.at("relationships", index)
            self.actor_ref(rel.object, rel_where, "object")
            self.span(rel.since, rel.until, rel_where)
            self.cites(rel.sources, rel_where.at("sources"))
            self.unique("relationship", f"{actor.id} {rel.kind} {rel.object}", rel_where, "object")
        for index, product in enumerate(actor.products):
            self.cites(product.sources, where.at("products", index, "sources"))

    def check_measure(self, measure: MeasureEntry, where: Where, link_levels: set[str]) -> None:
        self.cites(measure.sources, where.at("sources"))
        for index, event in enumerate(measure.events):
            self.cites(event.sources, where.at("events", index, "sources"))
        seen_targets: set[str] = set()
        for index, target in enumerate(measure.targets):
            target_where = where.at("targets", index)
            self.actor_ref(target.actor, target_where, "actor")
            self.span(target.since, target.until, target_where)
            if target.actor in seen_targets:
                self.errors.append(target_where.error("actor", "duplicate target"))
            seen_targets.add(target.actor)
        seen_links: set[str] = set()
        for index, link in enumerate(measure.links):
            link_where = where.at("links", index)
            if link.provision not in self.data.provisions:
                self.errors.append(
                    link_where.error("provision", f"unknown provision {link.provision!r}")
                )
            if link.provision in seen_links:
                self.errors.append(link_where.error("provision", "duplicate link"))
            seen_links.add(link.provision)
            if link_levels and link.level not in link_levels:
                self.errors.append(
                    link_where.error(
                        "level",
                        f"{link.level!r} is not a link level: {', '.join(sorted(link_levels))}",
                    )
                )

    def check_override(self, override: OverrideEntry, where: Where, levels: set[str]) -> None:
        self.actor_ref(override.actor, where, "actor")
        if override.provision not in self.data.provisions:
            self.errors.append(
                where.error("provision", f"unknown provision {override.provision!r}")
            )
        if levels and override.level not in levels:
            self.errors.append(where.error("level", f"{override.level!r} is not a level"))
        self.span(override.since, override.until, where)
        self.cites(override.sources, where.at("sources"))
        self.unique("override", f"{override.actor} on {override.provision}", where, "actor")
        self.data.overrides.append(override)

    def check_methodology(self, method: MethodologyFile) -> None:
        read = next(r for _, r in self.files.methodologies if r.model is method)
        for index, scope in enumerate(method.scope):
            if scope.framework is not None and scope.framework not in self.data.frameworks:
                self.errors.append(
                    read.where.error(("scope", index, "framework"), f"unknown {scope.framework!r}")
                )
            self.provision_refs(scope.provisions, read.where.at("scope", index, "provisions"))
        for index, implied in enumerate(method.implied):
            if implied.framework not in self.data.frameworks:
                self.errors.append(
                    read.where.error(
                        ("implied", index, "framework"), f"unknown {implied.framework!r}"
                    )
                )
            self.provision_refs(implied.provisions, read.where.at("implied", index, "provisions"))

    def provision_refs(self, codes: tuple[str, ...], where: Where) -> None:
        for index, code in enumerate(codes):
            if code not in self.data.provisions:
                self.errors.append(where.error((index,), f"unknown provision {code!r}"))

    def actor_ref(self, actor_id: str, where: Where, field_name: str) -> None:
        if actor_id not in self.data.actors:
            self.errors.append(where.error(field_name, f"unknown actor {actor_id!r}"))

    def span(self, since: PartialDate | None, until: PartialDate | None, where: Where) -> None:
        if since is not None and until is not None and until.sort_key() < since.sort_key():
            self.errors.append(where.error("until", f"{until} is before since {since}"))

    def cites(self, cites: tuple[Cite, ...], where: Where) -> None:
        for index, cite in enumerate(cites):
            if cite.source not in self.data.sources:
                self.errors.append(
                    where.error((index, "source"), f"unknown source {cite.source!r}")
                )


def check_dir(root: Path) -> Dataset:
    """Give the checked dataset of `root`; its `errors` list every problem found."""
    return check_files(read_files(root))


def check_texts(texts: Mapping[str, str | BaseModel]) -> Dataset:
    """Give the checked dataset of in-memory files (relative path to text or to its model)."""
    return check_files(read_texts(texts))


def check_files(files: Files) -> Dataset:
    checker = _Checker(files)
    checker.index()
    checker.check_refs()
    checker.data.errors = sorted(set(checker.errors))
    return checker.data
