"""Matching an inventory's entries to the curated actors by normalised name and alias.

A name is normalised by folding case and accents, dropping punctuation and the legal form
("Ltd", "S.A.", "GmbH"…), and closing up spaces: "NSO Group Technologies Ltd." and "nso group
technologies" agree. An entry whose normalised name or alias equals a curated vendor's or
company's name, official name or alias is matched to it; an entry that only comes close
(`NEAR` or more on rapidfuzz's token-sort ratio, and not matched) is a near-match for an
editor to review.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from mercwatch.tracker.snapshot import Actor, Listing, Snapshot

NEAR = 88.0  # token-sort ratio, 0–100, from which a name is worth an editor's look
MATCHED_KINDS = frozenset({"vendor", "company"})

# Legal forms dropped before comparing, as the tokens they leave once punctuation is gone.
# fmt: off
LEGAL_FORMS = frozenset({
    "ltd", "limited", "inc", "incorporated", "llc", "llp", "plc", "corp", "corporation", "co",
    "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "pte",
    "ad", "zrt", "kft", "ooo", "ao", "jsc", "pjsc", "sl", "slu", "lda", "fze", "fzco", "fz", "dmcc",
})
# fmt: on


def normalised(name: str) -> str:
    """Give `name` folded for comparing: case, accents, punctuation and legal form gone."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ")
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # "s.a." -> "sa."
    text = re.sub(r"(?<=\b[a-z])\.", "", text)
    tokens = re.sub(r"[^\w]+", " ", text).split()
    while len(tokens) > 1 and tokens[-1] in LEGAL_FORMS:
        tokens.pop()
    return " ".join(tokens)


def actor_names(actor: Actor) -> list[str]:
    names = [actor.name, actor.official_name, *(a.name for a in actor.aliases)]
    return [n for n in names if n]


def entry_names(listing: Listing) -> list[str]:
    return [listing.name, *listing.aliases]


@dataclass(frozen=True)
class NearMatch:
    listing: str  # the entry's key
    listed_name: str
    actor: str
    actor_name: str
    score: float


@dataclass(frozen=True)
class Matches:
    matched: dict[str, str]  # entry key -> curated actor ID
    near: list[NearMatch]
    unmatched_actors: list[str]  # curated vendors no entry matched


def match(listings: Iterable[Listing], data: Snapshot) -> Matches:
    """Give the curated actor each entry names (by normalised name or alias), and the
    near-matches of those left, best first."""
    curated = [a for a in data.actors.values() if a.kind in MATCHED_KINDS]
    by_form: dict[str, str] = {}
    for actor in curated:
        for name in actor_names(actor):
            by_form.setdefault(normalised(name), actor.id)
    matched: dict[str, str] = {}
    near: list[NearMatch] = []
    entries = list(listings)
    for entry in entries:
        forms = [normalised(n) for n in entry_names(entry)]
        found = next((by_form[f] for f in forms if f in by_form), None)
        if found is not None:
            matched[entry.id] = found
            continue
        best: NearMatch | None = None
        for actor in curated:
            for name in actor_names(actor):
                score = max(fuzz.token_sort_ratio(f, normalised(name)) for f in forms)
                if score >= NEAR and (best is None or score > best.score):
                    best = NearMatch(entry.id, entry.name, actor.id, name, round(score, 1))
        if best is not None:
            near.append(best)
    near.sort(key=lambda m: (-m.score, m.listed_name))
    hit = set(matched.values())
    vendors = [a.id for a in curated if a.kind == "vendor" and a.id not in hit]
    return Matches(matched, near, vendors)
