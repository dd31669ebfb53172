"""Scoring a name against the index: each candidate's best-agreeing name, a score that ranks,
and the reasons a reviewer reads.

A score is the level of the closest agreement found (the same text, the same words once legal
forms are removed, transliterated, in another order, without spaces, without generic words, by
initials, by consonants, or within a few letters), less a step for an alias or a legal or
former name rather than the candidate's own name, plus or minus the country's agreement. The
levels are those of `LEVELS`; docs/screening.md lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from mercwatch.screening.index import Entry, Index
from mercwatch.screening.names import Forms, analyse

METHODOLOGY = "mercwatch-screening-1"  # named in every run; moves on when a level changes
LEVELS = {
    "text": 0.98,  # the same text, casefolded
    "key": 0.95,  # the same words once legal forms and punctuation are removed
    "translit": 0.93,  # the same words once transliterated
    "ordered": 0.92,  # the same words in another order
    "compact": 0.92,  # the same letters, spaced otherwise
    "core": 0.90,  # the same once generic words ("Group") are left out
    "skeleton": 0.89,  # transliterated, the same consonants
    "initials": 0.88,  # the same by initials
    "fuzzy": 0.92,  # less `PER_EDIT` for each letter that differs
}
PER_EDIT = 0.03
OTHER_NAME = {"name": 0.0, "legal": 0.01, "alias": 0.02, "former": 0.02}
COUNTRY_AGREES, COUNTRY_DIFFERS = 0.02, 0.05
LEGAL_STEP = 0.01  # legal forms given on both sides: up if they agree, down if not
FUZZY_POOL = 12  # the closest keys, by plain ratio, that the letter-by-letter check examines


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    reasons: tuple[str, ...]


def budget(length: int) -> int:
    """Give the letters a word of `length` may differ by and still agree: none below 5."""
    return 0 if length < 5 else 1 if length < 9 else 2


def _edits(query: tuple[str, ...], other: tuple[str, ...]) -> int | None:
    """Give the letters that differ, word by word, if every word is within its budget."""
    if len(query) != len(other):
        return None
    total = 0
    for a, b in zip(query, other, strict=True):
        d = OSA.distance(a, b)
        if d > budget(max(len(a), len(b))):
            return None
        total += d
    return total


def _named(entry: Entry) -> str:
    labels = {
        "name": _("its name"),
        "legal": _("its legal name"),
        "alias": _("an alias"),
        "former": _("a former name"),
    }
    return _("%(which)s “%(name)s”") % {"which": labels[entry.how], "name": entry.written}


def _legal_step(q: Forms, entry: Entry) -> float:
    """Give the step for legal forms given on both sides: up if they agree, down if not."""
    if not (q.classes and entry.forms.classes):
        return 0.0
    return LEGAL_STEP if q.classes == entry.forms.classes else -LEGAL_STEP


def _common(q: Forms, entry: Entry) -> list[str]:
    reasons = []
    if q.legal:
        reasons.append(_("legal form removed: %(forms)s") % {"forms": ", ".join(q.legal)})
    if entry.forms.legal and entry.forms.legal != q.legal:
        removed = ", ".join(entry.forms.legal)
        reasons.append(
            _("legal form removed from the record's name: %(forms)s") % {"forms": removed}
        )
    if q.classes and entry.forms.classes:
        agree = q.classes == entry.forms.classes
        reasons.append(_("legal forms agree") if agree else _("legal forms differ"))
    if q.script:
        reasons.append(_("transliterated from %(script)s") % {"script": q.script})
    return reasons


def _exact(q: Forms, index: Index) -> dict[int, list[tuple[float, Entry, list[str]]]]:
    found: dict[int, list[tuple[float, Entry, list[str]]]] = {}

    def add(level: str, entries: list[Entry], *why: str) -> None:
        for e in entries:
            if level in {"ordered", "compact"} and e.forms.key == q.key:
                continue  # the same words in the same order: the key's agreement, higher
            base = LEVELS[level] - OTHER_NAME.get(e.how, 0.02)
            if level != "text":  # the same text has the same legal form
                base += _legal_step(q, e)
            reasons = [_("agrees with %(name)s") % {"name": _named(e)}, *why, *_common(q, e)]
            found.setdefault(id(e), []).append((base, e, reasons))

    add("text", index.get("text", q.text))
    add("translit" if q.script else "key", index.get("key", q.key))
    add("ordered", index.get("ordered", q.ordered), _("word order differs"))
    add("compact", index.get("compact", q.compact), _("spacing differs"))
    add(
        "core",
        index.get("key", q.core),
        _("generic words left out: %(words)s") % {"words": ", ".join(q.generic)},
    )
    add("core", index.get("core", q.key), _("generic words left out of the record's name"))
    both = _("generic words left out of both names: %(words)s") % {"words": ", ".join(q.generic)}
    add("core", index.get("core", q.core), both)
    add("initials", index.get("initials", q.key), _("initials agree"))
    if q.script and len(q.skeleton) >= 3:
        sounds = _("the consonants agree")
        add("skeleton", index.get("skeleton", q.skeleton), sounds)
        add("skeleton", index.get("skeletons", q.skeletons), sounds, _("word order differs"))
    return found


def _fuzzy(q: Forms, index: Index) -> list[tuple[float, Entry, list[str]]]:
    found: list[tuple[float, Entry, list[str]]] = []
    if not q.key:
        return found
    pool = process.extract(q.key, index.keys, scorer=fuzz.ratio, limit=FUZZY_POOL, score_cutoff=50)
    for key, _ratio, _i in pool:
        for e in index.get("key", key):
            edits = _edits(q.tokens, e.forms.tokens)
            order = ""
            if edits is None:
                edits = _edits(tuple(sorted(q.tokens)), tuple(sorted(e.forms.tokens)))
                order = _("word order differs")
            if not edits:  # None: too far; 0: the exact pass found it
                continue
            level = LEVELS["fuzzy"] - PER_EDIT * edits - (0.01 if q.script else 0.0)
            base = level - OTHER_NAME.get(e.how, 0.02) + _legal_step(q, e)
            distance = _("spelling differs by %(n)d letter(s) (edit distance %(n)d)") % {"n": edits}
            why = [
                _("close to %(name)s") % {"name": _named(e)},
                distance,
                *([order] if order else []),
            ]
            found.append((base, e, [*why, *_common(q, e)]))
    return found


def _land(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found is not None else code


def match(name: str, index: Index, *, country: str | None = None) -> list[Hit]:
    """Give each candidate's best agreement with `name`, best first (every score, however low:
    the caller applies the threshold). `country` is an ISO 3166 alpha-2 code, if known."""
    q = analyse(name)
    best: dict[str, tuple[float, Entry, list[str]]] = {}
    options = [o for found in _exact(q, index).values() for o in found] + _fuzzy(q, index)
    for base, e, reasons in options:
        score = base
        if country and e.country:
            if country == e.country:
                score += COUNTRY_AGREES
                reasons = [*reasons, _("country agrees: %(country)s") % {"country": _land(country)}]
            else:
                score -= COUNTRY_DIFFERS
                differs = {"given": _land(country), "record": _land(e.country)}
                reasons = [
                    *reasons,
                    _("country differs: %(given)s given, %(record)s on record") % differs,
                ]
        held = best.get(e.candidate)
        if held is None or score > held[0]:
            best[e.candidate] = (score, e, reasons)
    hits = [Hit(e, round(min(1.0, max(0.0, s)), 4), tuple(r)) for s, e, r in best.values()]
    return sorted(hits, key=lambda h: (-h.score, h.entry.name.casefold(), h.entry.candidate))
