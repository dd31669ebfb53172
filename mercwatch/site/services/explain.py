"""How much of an explanation a page shows: the contributions that matter most, then a count.

A government with hundreds of measures on one recommendation would otherwise print every one of
them, with its rationale and sources, on its page. A page shows the decisive and disputed
contributions first, then the most recent others, up to a limit, and links to the full list
(`/governments/ID/evidence/CODE/`, a page at a time); the API gives every contribution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from mercwatch.tracker.derive import Assessment, Contribution

SHOWN = 12  # contributions explained in full on an actor's page, per provision
DECISIVE_SHOWN = 5  # decisive contributions named in a compare or side-by-side cell


@dataclass(frozen=True)
class Shown:
    """An assessment with the part of its explanation a page shows."""

    assessment: Assessment
    contributions: tuple[Contribution, ...]
    hidden: int
    levels: Mapping[str, str] = field(default_factory=dict, compare=False)  # code → label
    rules: Mapping[str, str] = field(default_factory=dict, compare=False)  # code → description
    grades: Mapping[str, str] = field(default_factory=dict, compare=False)  # code → label

    @property
    def confidence(self) -> str:
        """Give the confidence grade as the methodology names it ("High"), or ""."""
        code = self.assessment.confidence or ""
        return self.grades.get(code, code)

    @property
    def derived_level(self) -> str:
        """Give the level the rules alone set, under an editors' override, by its label."""
        override = self.assessment.override
        code = str(override.get("derived_level", "")) if override else ""
        return self.levels.get(code, code)

    @property
    def rule(self) -> str:
        """Give the rule that set the level, as the methodology describes it."""
        return self.rules.get(self.assessment.rule, self.assessment.rule)

    def as_dict(self) -> dict[str, Any]:
        """Give the assessment as the page shows it, with how many contributions it leaves out."""
        out = replace(self.assessment, contributions=self.contributions).as_dict()
        out["explanation"]["not_shown"] = self.hidden
        return out


def _priority(c: Contribution) -> tuple[int, ...]:
    """Decisive first, then disputed, then the newest (undated last)."""
    newest = tuple(-part for part in c.date.sort_key()) if c.date else (1, 1, 1)
    return (0 if c.decisive else 1 if c.disputed else 2, *newest)


def shown(
    a: Assessment,
    limit: int = SHOWN,
    levels: Mapping[str, str] | None = None,
    rules: Mapping[str, str] | None = None,
    grades: Mapping[str, str] | None = None,
) -> Shown:
    """Give the contributions worth showing first, in the engine's order, up to `limit`, with
    the methodology's labels for their link levels and confidence grades and its descriptions
    of its rules."""
    labels, texts, names = levels or {}, rules or {}, grades or {}
    if len(a.contributions) <= limit:
        return Shown(a, a.contributions, 0, labels, texts, names)
    ranked = sorted(range(len(a.contributions)), key=lambda i: _priority(a.contributions[i]))
    keep = sorted(ranked[:limit])
    hidden = len(a.contributions) - limit
    return Shown(a, tuple(a.contributions[i] for i in keep), hidden, labels, texts, names)


def decisive(a: Assessment, limit: int = DECISIVE_SHOWN) -> tuple[list[Contribution], int]:
    """Give up to `limit` decisive contributions and how many more there are."""
    found = [c for c in a.contributions if c.decisive]
    return found[:limit], max(0, len(found) - limit)
