"""Which countries the tracker assesses: the member and observer states of the United Nations.

An ISO 3166-1 entry is a place, not always a government: Antarctica, Bouvet Island or the United
States Minor Outlying Islands have no government of their own to hold to account. The tracker
assesses a country when it is a UN member state – the `UNmember` column (the year it joined) of
the table that the `country_converter` package ships – or one of the UN's two non-member
observer states. Every other country stays an actor, a place, shown as not assessed. Bodies such
as the EU are assessed as before. The rule is written in docs/methodology.md.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from mercwatch.core.vocabulary import ActorKind
from mercwatch.tracker.snapshot import Actor

# The UN's non-member observer states (UN, "Non-member States"): the Holy See and the State of
# Palestine, by ISO 3166-1 alpha-3 code. country_converter lists members only.
OBSERVERS = frozenset({"VAT", "PSE"})
TABLE = "country_data.tsv"


@cache
def un_members() -> frozenset[str]:
    """Give the ISO 3166-1 alpha-3 codes of the UN's member states, from country_converter."""
    text = resources.files("country_converter").joinpath(TABLE).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    if not rows or not {"ISO3", "UNmember", "obsolete"} <= set(rows[0]):
        raise RuntimeError(f"country_converter's {TABLE} has no ISO3, UNmember or obsolete column")
    return frozenset(
        row["ISO3"] for row in rows if row["UNmember"].strip() and not row["obsolete"].strip()
    )


def assessed_states() -> frozenset[str]:
    """Give the alpha-3 codes of the countries the tracker assesses: UN members and observers."""
    return un_members() | OBSERVERS


def not_assessed_reason(actor: Actor) -> str:
    """Give why the tracker does not assess this actor at all, or "" when it does."""
    if actor.kind != ActorKind.COUNTRY.value or actor.iso_alpha3 in assessed_states():
        return ""
    name = actor.name
    return (
        f"{name} is not a member or observer state of the United Nations, the states (with "
        "bodies such as the EU) that the tracker assesses: it is listed as a place, not assessed."
    )
