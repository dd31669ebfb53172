"""Checks across files: IDs given once, names that match their files; then the snapshot's
validator (tracker/validator.py), its problems placed at their file and line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mercwatch.tracker import snapshot as rec
from mercwatch.tracker.loader import records
from mercwatch.tracker.loader.errors import LoadError, Where
from mercwatch.tracker.loader.read import Files, read_files, read_texts
from mercwatch.tracker.services.assessments import DataError
from mercwatch.tracker.snapshot import Snapshot, walk
from mercwatch.tracker.validator import Problem, validate


@dataclass
class Checked:
    """A data directory read and checked: its snapshot, and every problem found."""

    snapshot: Snapshot
    errors: list[LoadError] = field(default_factory=list)


class _Checker:
    """What only files can get wrong (IDs twice, names that do not match), then the validator."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.errors: list[LoadError] = list(files.errors)
        self.seen: dict[tuple[str, str], Where] = {}
        self.where: dict[tuple[str, str], Where] = {}
        self.frameworks: dict[str, rec.Framework] = {}
        self.provisions: dict[str, rec.Provision] = {}
        self.actors: dict[str, rec.Actor] = {}
        self.memberships: dict[str, list[rec.Membership]] = {}
        self.sources: dict[str, rec.Source] = {}
        self.measures: dict[str, rec.Measure] = {}
        self.overrides: list[rec.Override] = []
        self.methodologies: dict[str, rec.Methodology] = {}
        self.editions: list[rec.Edition] = []
        self.listings: dict[str, rec.Listing] = {}

    def unique(self, kind: str, key: str, where: Where, field_name: str) -> bool:
        first = self.seen.get((kind, key))
        if first is not None:
            line = first.error(field_name, "").line
            self.errors.append(
                where.error(field_name, f"duplicate {kind} {key!r} (first in {first.path}:{line})")
            )
            return False
        self.seen[(kind, key)] = where
        self.where[(kind, key)] = where
        return True

    def index(self) -> None:
        files = self.files
        for fw in files.frameworks:
            if self.unique("framework", fw.model.id, fw.where, "id"):
                self.frameworks[fw.model.id] = records.framework(fw.model)
            for entry, parent, loc in walk(fw.model.provisions):
                where = fw.where.at(*loc)
                if entry.code.split("/")[0] != fw.model.id:
                    self.errors.append(
                        where.error(
                            "code", f"a provision of {fw.model.id} is coded {fw.model.id}/N"
                        )
                    )
                if self.unique("provision", entry.code, where, "code"):
                    self.provisions[entry.code] = records.provision(entry, fw.model.id, parent)
        for actor in files.actors:
            if self.unique("actor", actor.model.id, actor.where, "id"):
                self.actors[actor.model.id] = records.actor(actor.model)
            for index, product in enumerate(actor.model.products):
                self.unique("product", product.id, actor.where.at("products", index), "id")
        for group, source_file in files.sources:
            for index, source in enumerate(source_file.model.sources):
                where = source_file.where.at("sources", index)
                self.unique("source URL", source.url, where, "url")
                if self.unique("source", source.id, where, "id"):
                    self.sources[source.id] = records.source(source, group)
        for actor_id, family, measure_file in files.measures:
            if actor_id not in self.actors:
                self.errors.append(
                    measure_file.where.error((), f"measures/{actor_id}/: no actor {actor_id!r}")
                )
            for index, measure in enumerate(measure_file.model.measures):
                where = measure_file.where.at("measures", index)
                if self.unique("measure", measure.id, where, "id"):
                    self.measures[measure.id] = records.measure(measure, actor_id, family)
        for text, method_file in files.methodologies:
            version = method_file.model.version
            self.where[("methodology", version)] = method_file.where
            self.methodologies[version] = rec.Methodology(version, text, method_file.model)
        for member_file in files.memberships:
            fw_id = member_file.model.framework
            if fw_id not in self.frameworks:
                self.errors.append(
                    member_file.where.error("framework", f"unknown framework {fw_id!r}")
                )
            self.memberships.setdefault(fw_id, [])
            for index, member in enumerate(member_file.model.members):
                where = member_file.where.at("members", index)
                if self.unique("membership", f"{member.actor} in {fw_id}", where, "actor"):
                    self.memberships[fw_id].append(records.membership(member, fw_id))
        for override_file in files.overrides:
            for index, override in enumerate(override_file.model.overrides):
                where = override_file.where.at("overrides", index)
                key = f"{override.actor} on {override.provision}"
                if self.unique("override", key, where, "actor"):
                    self.overrides.append(records.override(override))
        for edition_file in files.editions:
            for index, edition in enumerate(edition_file.model.editions):
                where = edition_file.where.at("editions", index)
                if self.unique("edition", edition.id, where, "id"):
                    self.editions.append(records.edition(edition))

        for listing_file in files.listings:
            inventory = listing_file.model.inventory
            for index, entry in enumerate(listing_file.model.listings):
                where = listing_file.where.at("listings", index)
                if self.unique("listing", entry.id, where, "id"):
                    self.listings[entry.id] = records.listing(entry, inventory)

    def snapshot(self) -> Snapshot:
        return Snapshot(
            frameworks=self.frameworks,
            provisions=self.provisions,
            actors=self.actors,
            memberships={fw: tuple(members) for fw, members in self.memberships.items()},
            sources=self.sources,
            measures=self.measures,
            overrides=tuple(self.overrides),
            methodologies=self.methodologies,
            editions=tuple(self.editions),
            listings=self.listings,
        )

    def located(self, problem: Problem) -> LoadError:
        if problem.kind == "directory":
            return LoadError(problem.key, 1, "(directory)", problem.reason)
        return self.where[(problem.kind, problem.key)].error(problem.loc, problem.reason)


def check_dir(root: Path) -> Checked:
    """Give the snapshot of `root`, with every problem found."""
    return check_files(read_files(root))


def check_texts(texts: Mapping[str, str]) -> Checked:
    """Give the snapshot of in-memory files (relative path to text)."""
    return check_files(read_texts(texts))


def check_files(files: Files) -> Checked:
    checker = _Checker(files)
    checker.index()
    snapshot = checker.snapshot()
    errors = checker.errors + [checker.located(p) for p in validate(snapshot)]
    return Checked(snapshot, sorted(set(errors)))


def snapshot_from_dir(root: Path) -> Snapshot:
    """Give the snapshot of a data directory, or raise DataError with every problem found."""
    checked = check_dir(root)
    if checked.errors:
        raise DataError([str(e) for e in checked.errors])
    return checked.snapshot
