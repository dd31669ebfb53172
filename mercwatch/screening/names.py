"""A name analysed into the forms screening compares: casefolded text, tokens without legal
forms (rigour's analysis, plus the curated table of legal_forms.py), in Latin script where
rigour transliterates, in order and sorted, without spaces, without generic words, initials,
and a consonant skeleton for names written in another script."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NamePartTag, NameTypeTag, SymbolCategory, analyze_names

from mercwatch.screening.legal_forms import strip_missed

# Words that say what kind of organisation a name is, not which one: left out of the `core`
# form, so that "NSO" finds "NSO Group" (a reason says which were left out).
GENERIC = frozenset(
    {"group", "groupe", "gruppa", "holding", "holdings", "technologies", "technology",
     "consortium", "international", "solutions"}
)  # fmt: skip
# Hebrew letters as the consonant classes of `skeleton` ("" for the letters that also write
# vowels); a double vav is a v.
HEBREW = dict(
    zip(
        "אבגדהוזחטיכךלמםנןסעפףצץקרשת",
        ["", "b", "g", "d", "", "", "s", "k", "t", "", "k", "k", "l", "m", "m", "n", "n", "s",
         "", "p", "p", "s", "s", "k", "r", "s", "t"],
        strict=True,
    )
)  # fmt: skip
_LATIN_SOUNDS = (
    ("dzh", "g"), ("zh", "s"), ("sh", "s"), ("ch", "k"), ("ph", "p"), ("th", "t"), ("ck", "k"),
    ("qu", "kb"), ("kh", "k"), ("ts", "s"), ("x", "ks"),
)  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans("cqjzvwf", "kkgsbbp", "aeiouyh")
_DOUBLES = re.compile(r"(.)\1+")
ORG_CLASS = SymbolCategory.ORG_CLASS
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
# Greek writes b, d and g of other languages with two letters: at a word's start they are
# the one sound, inside it the two ("Ντίλιαν" Dilian, "Σάντβαϊν" Sandvine).
_GREEK_START = re.compile(r"\b(μπ|ντ|γκ)")
_GREEK_SOUNDS = {"μπ": ("b", "mb"), "ντ": ("d", "nd"), "γκ": ("g", "ng")}


@dataclass(frozen=True, slots=True)
class Forms:
    """The forms of one name that screening compares."""

    text: str  # casefolded, punctuation left out, spaces collapsed
    tokens: tuple[str, ...]  # without legal forms, in Latin script where rigour transliterates
    legal: tuple[str, ...]  # the legal forms removed
    classes: frozenset[str]  # their classes, as rigour names them ("LLC", "JSC")
    script: str  # the script the name was written in, if not Latin ("Cyrillic", "Hebrew")
    generic: tuple[str, ...]  # the generic words the core form leaves out

    key: str = ""  # the tokens, in order
    ordered: str = ""  # the tokens, sorted
    compact: str = ""  # the tokens without spaces
    core: str = ""  # the tokens without generic words ("" when nothing specific is left)
    skeleton: str = ""  # the consonant classes of the whole name, spaces left out
    skeletons: str = ""  # the consonant classes of each token, sorted

    def initialled(self) -> list[str]:
        """The forms of the name by initials: every token but the last as its initial
        ("t dilian"), and, for three tokens or more, the initials alone ("qct")."""
        if len(self.tokens) < 2 or self.script:
            return []
        found = [" ".join([*(t[0] for t in self.tokens[:-1]), self.tokens[-1]])]
        if len(self.tokens) >= 3:
            found.append("".join(t[0] for t in self.tokens))
        return found


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Give the consonant classes of a token (Latin or Hebrew), vowels and doubles left out:
    "positive" and the transliterated "pozitiv" both give "pstb", "קנדירו" and "candiru" "kndr"."""
    if any(ch in HEBREW for ch in token):
        text = token.replace("וו", "b")
        return _DOUBLES.sub(r"\1", "".join(HEBREW.get(ch, ch if ch == "b" else "") for ch in text))
    text = token
    for written, sound in _LATIN_SOUNDS:
        text = text.replace(written, sound)
    text = _SOFT_C.sub("s", text).translate(_CLASSES)
    return _DOUBLES.sub(r"\1", re.sub(r"[^a-z0-9]", "", text))


def script_of(text: str) -> str:
    """Give the script of the first letter of `text` outside Latin ("" if all are Latin)."""
    if text.isascii():
        return ""
    for ch in text:
        if ch.isalpha() and not ch.isascii():
            script = unicodedata.name(ch, "LATIN").split()[0]
            if script != "LATIN":
                return script.capitalize()
    return ""


def _greek(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    plain = _GREEK_START.sub(lambda m: _GREEK_SOUNDS[m[1]][0], plain)
    for pair, (_start, inside) in _GREEK_SOUNDS.items():
        plain = plain.replace(pair, inside)
    return plain


@lru_cache(maxsize=65536)
def analyse(name: str) -> Forms:
    """Give the forms of `name` (kept for the last 65,536 names analysed)."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
    if script_of(text) == "Greek":
        text = _greek(text)
    rest, legal = strip_missed(text)
    parsed = analyze_names(
        NameTypeTag.ORG, [rest], phonetics=False, numerics=False, consolidate=False
    )
    parts = [p for n in parsed for p in n.parts][: 4 * len(rest) + 1]
    kept = [p.comparable for p in parts if p.tag != NamePartTag.LEGAL]
    removed = [p.form for p in parts if p.tag == NamePartTag.LEGAL]
    classes = {str(s.symbol.id) for n in parsed for s in n.spans if s.symbol.category == ORG_CLASS}
    if not kept:  # nothing but a legal form: keep it, or nothing would be left to compare
        kept, removed, classes = [p.comparable for p in parts], [], set()
    tokens = tuple(t for t in kept if t)
    generic = tuple(t for t in tokens if t in GENERIC)
    forms = tuple(removed + [form for form, _c in legal[::-1]])
    classes |= {c for _form, c in legal}
    plain = _SPACES.sub(" ", _PUNCTUATION.sub("", text)).strip()
    kept = [t for t in tokens if t not in GENERIC]
    specific = kept and len(kept) < len(tokens) and max(map(len, kept)) > 2
    sounds = [skeleton(t) for t in tokens]
    return Forms(
        plain, tokens, forms, frozenset(classes), script_of(text), generic,
        key=" ".join(tokens), ordered=" ".join(sorted(tokens)), compact="".join(tokens),
        core=" ".join(kept) if specific else "", skeleton=_DOUBLES.sub(r"\1", "".join(sounds)),
        skeletons=" ".join(sorted(sounds)),
    )  # fmt: skip
