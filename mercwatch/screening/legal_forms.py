"""The one curated table of what rigour's name analysis does not recognise by itself: legal
forms it leaves in a name (written with spaces or accents), each as a pattern of the casefolded
name, with the form a reviewer reads. Everything else is rigour's (`rigour.names`)."""

from __future__ import annotations

import re

_P = r"\.?\s*"  # a dot, spaces, or neither, between the letters of an abbreviation
# pattern, the form a reviewer reads
MISSED: tuple[tuple[str, str], ...] = (
    (rf"s{_P}[àa]{_P}r{_P}l\.?", "S.à r.l."),  # Luxembourg, written with its spaces and accent
    (rf"s{_P}l{_P}u\.?", "S.L.U."),  # Spain, sole-shareholder
    (rf"s{_P}l\.?", "S.L."),  # Spain: "S.L.", which rigour reads as two words
    (rf"s{_P}r{_P}o\.?", "s.r.o."),  # Czech Republic and Slovakia, written with spaces
    (r"sp\.?\s*z\s*o\.?\s*o\.?", "sp. z o.o."),  # Poland
    (rf"d{_P}o{_P}o\.?", "d.o.o."),  # Slovenia, Croatia, Serbia, written with spaces
    (r"ltd\.?\s*sti\.?", "Ltd. Şti."),  # Turkey
    (r"ltd\.?\s*şti\.?", "Ltd. Şti."),
    (r"l\.?\s*l\.?\s*c\.?", "L.L.C."),  # with its dots and spaces
    (r"ф\.?\s*з\.?\s*е\.?", "ФЗЕ"),  # a free-zone establishment (the Gulf), in Cyrillic script
    (r"fz-?llc", "FZ-LLC"),  # a free-zone company (the UAE)
    (r"fze", "FZE"),
)
# Matched at the end of a name only (a legal form closes it), after a space or a comma.
_TAIL = re.compile(
    r"(?:[\s,]+)(?P<form>" + "|".join(f"(?:{p})" for p, _form in MISSED) + r")\s*$", re.IGNORECASE
)
_FORMS = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), form) for p, form in MISSED]


def strip_missed(text: str) -> tuple[str, list[str]]:
    """Give `text` without the legal forms of the table at its end, and the forms removed
    (as a reviewer reads them), last first."""
    removed: list[str] = []
    while True:
        match = _TAIL.search(text)
        if match is None or match.start() == 0:
            return text, removed
        found = match["form"]
        removed.append(next((form for p, form in _FORMS if p.match(found)), found))
        text = text[: match.start()]
