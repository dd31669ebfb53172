"""The one curated table of what rigour's name analysis does not recognise by itself: legal
forms it leaves in a name (written with spaces or accents), each as a pattern of the casefolded
name, with the form a reviewer reads. Everything else is rigour's (`rigour.names`)."""

from __future__ import annotations

import re

_P = r"\.?\s*"  # a dot, spaces, or neither, between the letters of an abbreviation
# pattern, the form a reviewer reads, its class as rigour names classes (LLC: a limited
# company; JSC: a company limited by shares, a société anonyme)
MISSED: tuple[tuple[str, str, str], ...] = (
    # Luxembourg, written with its spaces and accent
    (rf"s{_P}[àa]{_P}r{_P}l\.?", "S.à r.l.", "LLC"),
    (rf"s{_P}l{_P}u\.?", "S.L.U.", "LLC"),  # Spain, sole-shareholder
    (rf"s{_P}l\.?", "S.L.", "LLC"),  # Spain: "S.L.", which rigour reads as two words
    (rf"spol{_P}s{_P}r{_P}o\.?", "spol. s r.o.", "LLC"),  # Czech Republic, in full
    (rf"s{_P}r{_P}o\.?", "s.r.o.", "LLC"),  # Czech Republic and Slovakia, written with spaces
    (r"sp\.?\s*z\s*o\.?\s*o\.?", "sp. z o.o.", "LLC"),  # Poland
    (rf"d{_P}o{_P}o\.?", "d.o.o.", "LLC"),  # Slovenia, Croatia, Serbia, written with spaces
    (r"ltd\.?\s*sti\.?", "Ltd. Şti.", "LLC"),  # Turkey
    (r"ltd\.?\s*şti\.?", "Ltd. Şti.", "LLC"),
    (r"l\.?\s*l\.?\s*c\.?", "L.L.C.", "LLC"),  # with its dots and spaces
    # a free-zone establishment (the Gulf), in Cyrillic script
    (r"ф\.?\s*з\.?\s*е\.?", "ФЗЕ", "LLC"),
    (r"corp(?:oration)?\.?", "Corporation", "LLC"),  # which rigour leaves in the name
    (r"fz-?llc", "FZ-LLC", "LLC"),  # a free-zone company (the UAE)
    (r"fze", "FZE", "LLC"),
    (rf"[αa]{_P}[εe]\.?", "Α.Ε.", "JSC"),  # Greece, a société anonyme, in Greek or Latin letters
    (rf"ι{_P}κ{_P}ε\.?", "Ι.Κ.Ε.", "LLC"),  # Greece, a private company
    (rf"ε{_P}π{_P}ε\.?", "Ε.Π.Ε.", "LLC"),  # Greece, a limited company
)
# Matched at the end of a name only (a legal form closes it), after a space or a comma.
_TAIL = re.compile(
    r"(?:[\s,]+)(?P<form>" + "|".join(f"(?:{p})" for p, _form, _class in MISSED) + r")\s*$",
    re.IGNORECASE,
)
_FORMS = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), form, c) for p, form, c in MISSED]


def strip_missed(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Give `text` without the legal forms of the table at its end, and the forms removed
    (as a reviewer reads them, with their class), last first."""
    removed: list[tuple[str, str]] = []
    while True:
        match = _TAIL.search(text)
        if match is None or match.start() == 0:
            return text, removed
        found = match["form"]
        removed.append(next((form, c) for p, form, c in _FORMS if p.match(found)))
        text = text[: match.start()]
