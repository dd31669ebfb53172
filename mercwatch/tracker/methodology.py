"""The methodology file: its schema, and the plain object the derivation engine reads."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from mercwatch.core.vocabulary import ActorKind, Addressee, EventKind
from mercwatch.tracker.values import DateValue, ProvisionCode, Slug, Strict, Text

Version = Annotated[str, Field(pattern=r"^[0-9]{4}\.[0-9]+$")]


class Level(Strict):
    code: Slug
    label: Text
    score: int | None
    symbol: Text
    description: Text


class SpecialLevels(Strict):
    not_assessed: Slug
    not_applicable: Slug
    no_evidence: Slug
    contested: Slug


class Scope(Strict):
    """Which actors are assessed on which provisions."""

    actor_kinds: tuple[ActorKind, ...] = Field(min_length=1)
    framework: Slug | None = None
    provisions: tuple[ProvisionCode, ...] = ()

    @model_validator(mode="after")
    def _one_selector(self) -> Scope:
        if (self.framework is None) == (not self.provisions):
            raise ValueError("give either framework or provisions")
        return self

    def covers(self, *, provision: str, framework: str, actor_kind: str) -> bool:
        if actor_kind not in self.actor_kinds:
            return False
        return framework == self.framework or provision in self.provisions


class InForce(Strict):
    start_events: tuple[EventKind, ...] = Field(min_length=1)
    end_events: tuple[EventKind, ...] = Field(min_length=1)
    partial_dates: Literal["conservative"]
    description: Text


class Implied(Strict):
    """A membership that counts as a commitment on some provisions."""

    framework: Slug
    roles: tuple[Slug, ...] = ()
    provisions: tuple[ProvisionCode, ...] = Field(min_length=1)
    level: Slug
    rationale: Text


class Grade(Strict):
    """A confidence grade, given when a contribution's sources meet its minimums."""

    code: Slug
    label: Text
    description: Text
    min_primary: int = Field(default=0, ge=0)
    min_independent: int = Field(default=0, ge=0)


class Rule(Strict):
    code: Slug
    description: Text


class MethodologyFile(Strict):
    version: Version
    published: DateValue
    title: Text
    summary: Text
    changes: str = ""
    levels: tuple[Level, ...] = Field(min_length=1)
    special: SpecialLevels
    link_levels: tuple[Slug, ...] = Field(min_length=1)
    addressees: dict[Addressee, tuple[ActorKind, ...]]
    scope: tuple[Scope, ...] = Field(min_length=1)
    in_force: InForce
    implied: tuple[Implied, ...] = ()
    confidence: tuple[Grade, ...] = Field(min_length=1)
    rules: tuple[Rule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> MethodologyFile:
        codes = [level.code for level in self.levels]
        if len(set(codes)) != len(codes):
            raise ValueError("levels: each level code must be unique")
        known = set(codes)
        for name, code in self.special.model_dump().items():
            if code not in known:
                raise ValueError(f"special.{name}: {code!r} is not a level")
        for code in self.link_levels:
            if code not in known:
                raise ValueError(f"link_levels: {code!r} is not a level")
        for implied in self.implied:
            if implied.level not in self.link_levels:
                raise ValueError(f"implied: {implied.level!r} is not a link level")
        rules = {rule.code for rule in self.rules}
        missing = set(RULES) - rules
        if missing:
            raise ValueError(f"rules: describe {', '.join(sorted(missing))}")
        if self.confidence[-1].min_primary or self.confidence[-1].min_independent:
            raise ValueError("confidence: the last grade must have no minimum (the fallback)")
        return self

    def level(self, code: str) -> Level:
        for level in self.levels:
            if level.code == code:
                return level
        raise KeyError(code)

    def assesses(self, kind: str, *, provision: str, framework: str) -> bool:
        """Say whether an actor of `kind` is assessed on `provision` (of `framework`): the one
        reading of the scope that the engine, the pages and the exports share."""
        return any(
            s.covers(provision=provision, framework=framework, actor_kind=kind) for s in self.scope
        )

    def kinds_assessed(self, *, provision: str, framework: str) -> set[str]:
        """Give the kinds of actor assessed on `provision`."""
        kinds = {kind for s in self.scope for kind in s.actor_kinds}
        return {k for k in kinds if self.assesses(k, provision=provision, framework=framework)}

    def rank(self, code: str) -> int:
        """Give the position of a link level on the scale (higher goes further)."""
        return self.link_levels.index(code)


RULES = (
    "override",
    "not-addressed",
    "not-in-scope",
    "highest-link",
    "implied-by-membership",
    "contested",
    "no-evidence",
)
