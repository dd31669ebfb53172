"""Reading the data directory: find each file by its place, parse it, check its schema.

A file over `limits.FILE_BYTES` is refused from its size, unread. A symbolic link inside the
directory (to a file or a directory) is refused, never followed: one that leads out would load a
file no reviewer of the directory sees, one that stays in would read a file twice. The data
directory itself may be a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from mercwatch.tracker import limits
from mercwatch.tracker.loader.errors import LoadError, Where, from_validation
from mercwatch.tracker.loader.schemas import (
    ACTOR_DIRS,
    ActorFile,
    EditionFile,
    FrameworkFile,
    ListingFile,
    MeasureFile,
    MembershipFile,
    OverrideFile,
    SourceFile,
)
from mercwatch.tracker.loader.yamlio import YamlError, read_yaml
from mercwatch.tracker.methodology import MethodologyFile

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Read(Generic[T]):
    """A parsed file: its model, and where it was read."""

    model: T
    where: Where


@dataclass
class Files:
    """Every file of a data directory, parsed and schema-checked, by kind."""

    frameworks: list[Read[FrameworkFile]] = field(default_factory=list)
    actors: list[Read[ActorFile]] = field(default_factory=list)
    memberships: list[Read[MembershipFile]] = field(default_factory=list)
    sources: list[tuple[str, Read[SourceFile]]] = field(default_factory=list)
    measures: list[tuple[str, str, Read[MeasureFile]]] = field(default_factory=list)
    overrides: list[Read[OverrideFile]] = field(default_factory=list)
    editions: list[Read[EditionFile]] = field(default_factory=list)
    methodologies: list[tuple[str, Read[MethodologyFile]]] = field(default_factory=list)
    listings: list[Read[ListingFile]] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def _parse(text: str, shown: str, model: type[M], errors: list[LoadError]) -> Read[M] | None:
    size = len(text.encode("utf-8"))
    if size > limits.FILE_BYTES:
        errors.append(_too_large(shown, size))
        return None
    try:
        document = read_yaml(text)
    except YamlError as exc:
        errors.append(LoadError(shown, exc.line, "(file)", exc.message))
        return None
    where = Where(shown, document)
    if not isinstance(document, dict):
        errors.append(where.error((), "expected a mapping at the top of the file"))
        return None
    try:
        return Read(model.model_validate(document), where)
    except ValidationError as exc:
        errors.extend(from_validation(where, exc))
        return None


def _expect_stem(read: Read[Any], stem: str, value: str, key: str, errors: list[LoadError]) -> None:
    if stem != value:
        errors.append(read.where.error(key, f"{value!r} must match the file name {stem!r}"))


def read_files(root: Path) -> Files:
    """Give every file under `root` parsed, with every error found on the way."""
    if not root.is_dir():
        files = Files()
        files.errors.append(LoadError(str(root), 1, "(directory)", "no such data directory"))
        return files
    texts: dict[str, str] = {}
    errors: list[LoadError] = []
    for path in _data_files(root, errors):
        text = _read_text(path, errors)
        if text is not None:
            texts[path.relative_to(root).as_posix()] = text
    files = read_texts(texts, prefix=str(root))
    files.errors[:0] = errors
    return files


def _data_files(root: Path, errors: list[LoadError]) -> list[Path]:
    """Give the files under `root` to read, with an error for each symbolic link."""
    real_root = root.resolve()
    found: list[Path] = []
    pending = [root]
    while pending:
        directory = pending.pop()
        for entry in directory.iterdir():
            # Skipped unread, links too (an editor's lock file `.#name` is a dangling link).
            if (entry.name == "README.md" or entry.name.startswith(".")) and not entry.is_dir():
                continue
            if entry.is_symlink():
                errors.append(_link_error(entry, real_root))
            elif entry.is_dir():
                pending.append(entry)
            elif entry.is_file():
                found.append(entry)
    return sorted(found)


def _link_error(link: Path, real_root: Path) -> LoadError:
    kind = "(directory)" if link.is_dir() else "(file)"
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return LoadError(str(link), 1, kind, f"symbolic link to {link.readlink()}, a loop of links")
    if target.is_relative_to(real_root):
        reason = f"symbolic link to {target}: data files are read where they are, not through links"
    else:
        reason = f"symbolic link to {target}, outside the data directory"
    return LoadError(str(link), 1, kind, reason)


def _read_text(path: Path, errors: list[LoadError]) -> str | None:
    """Give the text of the file at `path`: at most `limits.FILE_BYTES` bytes of UTF-8."""
    size = path.stat().st_size
    if size > limits.FILE_BYTES:
        errors.append(_too_large(str(path), size))
        return None
    with path.open("rb") as file:
        data = file.read(limits.FILE_BYTES + 1)  # at most one byte more, if it grew since
    if len(data) > limits.FILE_BYTES:
        errors.append(_too_large(str(path), None))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(_not_utf8(str(path), data, exc))
        return None
    # As a text-mode read would give it: every line break as "\n".
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_large(shown: str, size: int | None) -> LoadError:
    limit = f"over the limit of {limits.FILE_BYTES:,} bytes ({limits.FILE_BYTES / 2**20:g} MiB)"
    measured = "" if size is None else f"{size:,} bytes, "
    return LoadError(shown, 1, "(file)", f"too large: {measured}{limit}")


def _not_utf8(shown: str, data: bytes, exc: UnicodeDecodeError) -> LoadError:
    """Give the error for the first byte that is not UTF-8, at its line and column."""
    line = data.count(b"\n", 0, exc.start) + 1
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    column = len(data[line_start : exc.start].decode("utf-8")) + 1
    reason = f"not UTF-8: {exc.reason} (byte 0x{data[exc.start]:02x}, column {column})"
    return LoadError(shown, line, "(file)", reason)


def read_texts(texts: Mapping[str, str], *, prefix: str = "") -> Files:
    """Give the files in `texts` (relative path to text) read and checked."""
    files = Files()
    errors = files.errors
    dir_for_kind = set(ACTOR_DIRS.values())
    for relative in sorted(texts):
        text = texts[relative]
        path = Path(relative)
        shown = str(Path(prefix) / relative) if prefix else relative
        parts = path.parts
        stem = path.stem
        if path.suffix != ".yaml":
            errors.append(LoadError(shown, 1, "(file)", "unknown file: data files end in .yaml"))
        elif parts[0] == "frameworks" and len(parts) == 2:
            fw = _parse(text, shown, FrameworkFile, errors)
            if fw:
                _expect_stem(fw, stem, fw.model.id, "id", errors)
                files.frameworks.append(fw)
        elif parts[0] == "actors" and len(parts) == 3 and parts[1] in dir_for_kind:
            actor = _parse(text, shown, ActorFile, errors)
            if actor:
                _expect_stem(actor, stem, actor.model.id, "id", errors)
                home = ACTOR_DIRS[actor.model.kind]
                if home != parts[1]:
                    errors.append(
                        actor.where.error("kind", f"a {actor.model.kind} belongs in actors/{home}/")
                    )
                files.actors.append(actor)
        elif parts[0] == "memberships" and len(parts) == 2:
            members = _parse(text, shown, MembershipFile, errors)
            if members:
                _expect_stem(members, stem, members.model.framework, "framework", errors)
                files.memberships.append(members)
        elif parts[0] == "sources" and len(parts) == 2:
            sources = _parse(text, shown, SourceFile, errors)
            if sources:
                files.sources.append((stem, sources))
        elif parts[0] == "measures" and len(parts) == 3:
            measures = _parse(text, shown, MeasureFile, errors)
            if measures:
                files.measures.append((parts[1], stem, measures))
        elif parts == ("overrides.yaml",):
            overrides = _parse(text, shown, OverrideFile, errors)
            if overrides:
                files.overrides.append(overrides)
        elif parts == ("editions.yaml",):
            editions = _parse(text, shown, EditionFile, errors)
            if editions:
                files.editions.append(editions)
        elif parts[0] == "methodology" and len(parts) == 2:
            method = _parse(text, shown, MethodologyFile, errors)
            if method:
                _expect_stem(method, stem, method.model.version, "version", errors)
                files.methodologies.append((text, method))
        elif parts[0] == "listings" and len(parts) == 2:
            listed = _parse(text, shown, ListingFile, errors)
            if listed:
                _expect_stem(listed, stem, listed.model.inventory, "inventory", errors)
                files.listings.append(listed)
        else:
            errors.append(
                LoadError(
                    shown,
                    1,
                    "(file)",
                    "unknown file: expected frameworks/*.yaml, actors/<kind>/*.yaml, "
                    "memberships/*.yaml, sources/*.yaml, measures/<actor>/*.yaml, "
                    "methodology/*.yaml, listings/*.yaml, overrides.yaml or editions.yaml",
                )
            )
    return files
