"""The candidates screening compares a name with, and the index of their forms: built once per
data version (or snapshot) and kept for the last `KEPT` of them."""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field

from mercwatch.screening.names import Forms, analyse
from mercwatch.tracker.snapshot import Snapshot

KINDS = ("vendor", "company", "person")  # the curated actors screened against
KEPT = 4  # indexes kept, one per data version


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of a candidate: its own name, or an alias, a legal or a former name."""

    candidate: str  # the curated actor's ID, or the listing's key
    name: str  # the candidate's name
    written: str  # the name compared, as written
    how: str  # "name", "legal", "alias" or "former"
    forms: Forms
    country: str | None
    listed: bool  # an imported inventory's entry, not a curated actor


@dataclass
class Index:
    """Every entry, by each form it is looked up by."""

    entries: list[Entry] = field(default_factory=list)
    by: dict[str, dict[str, list[Entry]]] = field(default_factory=lambda: defaultdict(dict))
    keys: list[str] = field(default_factory=list)  # every distinct key, for the fuzzy pass

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        forms = entry.forms
        looked_up = {
            "text": [forms.text],
            "key": [forms.key],
            "ordered": [forms.ordered],
            "compact": [forms.compact],
            "core": [forms.core],
            "skeleton": [forms.skeleton] if len(forms.skeleton) >= 3 else [],
            "skeletons": [forms.skeletons] if len(forms.skeleton) >= 3 else [],
            "initials": forms.initialled(),
        }
        for table, values in looked_up.items():
            for value in values:
                if value:
                    self.by[table].setdefault(value, []).append(entry)

    def finish(self) -> Index:
        self.keys = list(self.by["key"])
        return self

    def get(self, table: str, value: str) -> list[Entry]:
        return self.by[table].get(value, []) if value else []


def entries_of(data: Snapshot) -> Iterator[Entry]:
    """Give every name of every candidate: the curated actors of `KINDS` (name, official name,
    aliases), then the imported inventories' entries (name and aliases) that no curated actor
    stands for (an entry matched to one is screened as that actor)."""
    for kind in KINDS:
        for actor in data.actors_by_kind.get(kind, ()):
            names = [(actor.name, "name")]
            if actor.official_name:
                names.append((actor.official_name, "legal"))
            names += [(str(a.name), str(a.kind)) for a in actor.aliases]
            for written, how in names:
                yield Entry(actor.id, actor.name, written, how, analyse(written), actor.country,
                            listed=False)  # fmt: skip
    for listing in data.listings.values():
        if listing.actor is not None:
            continue  # matched to a curated actor, which stands for it
        for written, how in [(listing.name, "name"), *((a, "alias") for a in listing.aliases)]:
            yield Entry(listing.id, listing.name, written, how, analyse(written), listing.country,
                        listed=True)  # fmt: skip


def build(data: Snapshot) -> Index:
    """Give the index of every candidate of `data`."""
    index = Index()
    for entry in entries_of(data):
        index.add(entry)
    return index.finish()


_lock = threading.Lock()
_kept: OrderedDict[Hashable, tuple[Snapshot, Index]] = OrderedDict()


def index_for(data: Snapshot, version: Hashable | None = None) -> Index:
    """Give the index of `data`, built once per `version` (the data version; the snapshot
    itself when none is given) and kept for the last `KEPT` versions."""
    key = version if version is not None else ("snapshot", id(data))
    with _lock:
        held = _kept.get(key)
        if held is not None and (version is not None or held[0] is data):
            _kept.move_to_end(key)
            return held[1]
    index = build(data)
    with _lock:
        _kept[key] = (data, index)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return index
