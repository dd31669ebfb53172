"""The query parameters each operation accepts; any other parameter is a 400."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from mercwatch.api.messages import parse_day
from mercwatch.core.bounds import DAY_PATTERN, PAGE_SIZE, year_outside
from mercwatch.core.vocabulary import ActorKind, MeasureType, RelationshipKind, SourceKind

MAX_LIMIT = PAGE_SIZE


def _within_years(day: dt.date) -> dt.date:
    """Refuse a day outside the years a date parameter may name (mercwatch/core/bounds.py)."""
    outside = year_outside(day)
    if outside is not None:
        raise PydanticCustomError("day", outside)
    return day


# The OpenAPI document states the years' bound too, as a pattern.
_DAY_SCHEMA = {"type": "string", "format": "date", "pattern": DAY_PATTERN}
Day = Annotated[
    dt.date, BeforeValidator(parse_day), AfterValidator(_within_years), WithJsonSchema(_DAY_SCHEMA)
]
ID = Field(default=None, min_length=1, max_length=100)


class NoParams(Schema):
    model_config = ConfigDict(extra="forbid")


class PageParams(NoParams):
    limit: int = Field(default=50, ge=1, le=MAX_LIMIT, description=f"items per page, 1–{MAX_LIMIT}")
    offset: int = Field(default=0, ge=0, le=10_000_000, description="items to skip")


class ProvisionParams(PageParams):
    framework: str | None = ID
    parent: str | None = ID


class ActorParams(PageParams):
    kind: ActorKind | None = None
    membership: str | None = Field(
        default=None, min_length=1, max_length=64, description="a framework ID the actor joined"
    )
    country: str | None = ID


class MembershipParams(PageParams):
    framework: str | None = ID
    actor: str | None = ID
    role: str | None = ID


class SourceParams(PageParams):
    group: str | None = ID
    kind: SourceKind | None = None


class MeasureParams(PageParams):
    actor: str | None = ID
    type: MeasureType | None = None
    provision: str | None = ID
    target: str | None = ID
    date_from: Day | None = Field(default=None, description="measures dated on or after")
    date_to: Day | None = Field(default=None, description="measures dated on or before")
    status: Literal["pending", "in-force", "ended"] | None = None
    as_of: Day | None = Field(default=None, description="the day `status` refers to")


class RelationshipParams(PageParams):
    actor: str | None = Field(
        default=None, min_length=1, max_length=100, description="either side of the tie"
    )
    subject: str | None = ID
    object: str | None = ID
    kind: RelationshipKind | None = None


class AssessmentParams(PageParams):
    framework: str | None = ID
    actor: str | None = ID
    provision: str | None = ID
    as_of: Day | None = Field(default=None, description="any date (default: today)")
    methodology: str | None = Field(
        default=None, min_length=1, max_length=32, description="version (default: the latest)"
    )
    contributions: Literal["shown", "all"] = Field(
        default="shown",
        description="`shown`: the deciding contributions and a link to the rest; `all`: every one",
    )


class ContributionParams(PageParams):
    actor: str = Field(min_length=1, max_length=100, description="the assessed actor")
    provision: str = Field(min_length=1, max_length=100, description="the provision's code")
    as_of: Day | None = Field(default=None, description="any date (default: today)")
    methodology: str | None = Field(
        default=None, min_length=1, max_length=32, description="version (default: the latest)"
    )


class ChangeParams(PageParams):
    since: Day | None = Field(default=None, description="changes after this day")
    until: Day | None = Field(default=None, description="up to this day (default: today)")
    from_edition: str | None = Field(
        default=None, min_length=1, max_length=64, description="changes after this edition"
    )
    to_edition: str | None = Field(
        default=None, min_length=1, max_length=64, description="up to this edition"
    )
    actor: str | None = ID
    provision: str | None = ID
