"""What the pages, the API, the feed and the command ask of editions: the published ones, one
by its identifier, and the diff of two, each built once per process within a bound (a frozen
edition never changes, so what is built of it stays right)."""

from __future__ import annotations

from functools import lru_cache

from mercwatch.exports.bundle import Bundle, bundle_for
from mercwatch.store.current import current_snapshot
from mercwatch.workflow import editions, reasons
from mercwatch.workflow.diff import Diff, diff
from mercwatch.workflow.models import FrozenEdition

BUNDLES = 4  # editions whose stored data a process keeps read
DIFFS = 16  # diffs a process keeps


class NoEdition(LookupError):
    """An identifier no frozen edition has."""


def edition(key: str, *, drafts: bool = False) -> FrozenEdition:
    """Give the edition `key` names (an identifier, or an edition record a published edition
    froze); an unpublished one only with `drafts`."""
    found = editions.find(key)
    if found is None or (found.published_at is None and not drafts):
        raise NoEdition(key)
    return found


def bundle(found: FrozenEdition) -> Bundle:
    """Give an edition's bundle, read from its stored data once per process."""
    return _bundle(found.pk, found.sha256)


@lru_cache(maxsize=BUNDLES)
def _bundle(key: str, _sha256: str) -> Bundle:
    return editions.bundle_of(FrozenEdition.objects.get(pk=key))


def diff_of(before: FrozenEdition, after: FrozenEdition) -> Diff:
    """Give the diff from `before` to `after`, with the revision log's reasons."""
    return _diff(before.pk, after.pk)


@lru_cache(maxsize=DIFFS)
def _diff(before: str, after: str) -> Diff:
    a, b = FrozenEdition.objects.get(pk=before), FrozenEdition.objects.get(pk=after)
    return diff(bundle(a), bundle(b), reasons.between(a, b))


def latest() -> FrozenEdition | None:
    """Give the last published edition, if any."""
    return editions.published().last()


def diff_between(before: str, after: str) -> Diff:
    """Give the diff of two editions by identifier: frozen ones (`diff_of`), or edition records
    of the data no published edition froze, read from today's data at their dates (no revision
    lies between them, so their changes carry no reasons)."""
    found = [_published_or_none(key) for key in (before, after)]
    if found[0] is not None and found[1] is not None:
        return diff_of(found[0], found[1])
    data = current_snapshot()
    sides = []
    for key, frozen in zip((before, after), found, strict=True):
        if frozen is not None:
            sides.append(bundle(frozen))
        elif any(e.id == key for e in data.editions):
            sides.append(bundle_for(data, edition=key))
        else:
            raise NoEdition(key)
    return diff(sides[0], sides[1])


def _published_or_none(key: str) -> FrozenEdition | None:
    try:
        return edition(key)
    except NoEdition:
        return None
