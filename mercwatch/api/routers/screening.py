"""Screening names against the market knowledge: one name by GET, a batch by POST (JSON in
and out). Every request counts against the API's rate limit (mercwatch/core/throttle.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import pycountry
from django.http import HttpRequest
from ninja import Query, Router
from pydantic import BaseModel, ConfigDict, Field

from mercwatch.api.params import Day, NoParams
from mercwatch.api.problems import problem
from mercwatch.api.schemas import Out
from mercwatch.screening.lists import MAX_FIELD, MAX_NAME, BadList, query_of
from mercwatch.screening.run import screen
from mercwatch.store.current import current_snapshot, data_version

router = Router(tags=["screening"])
MAX_NAMES = 500  # names in one request (the body is limited to 64 KB besides)


# What lists.py refuses, said in the schema: a cell a spreadsheet would run as a formula.
NOT_FORMULA = r"^(?!\s*[=+\-@])"
if TYPE_CHECKING:
    Country = str
else:  # every ISO 3166 alpha-2 code, or none
    Country = Literal["", *sorted(str(c.alpha_2) for c in pycountry.countries)]


class NameIn(BaseModel):
    model_config = ConfigDict(extra="forbid", regex_engine="python-re")  # look-aheads
    name: str = Field(
        min_length=1, max_length=MAX_NAME, pattern=NOT_FORMULA + r"\s*\S",
        description="the name to screen",
    )  # fmt: skip
    id: str = Field(
        default="", max_length=MAX_FIELD, pattern=NOT_FORMULA, description="your own reference"
    )
    country: Country = Field(default="", description="ISO 3166 alpha-2 code")
    kind: Literal["", "vendor", "company", "person"] = Field(
        default="", description="screen against this kind of candidate only"
    )


class ScreenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    names: list[NameIn] = Field(min_length=1, max_length=MAX_NAMES)
    as_of: Day | None = Field(default=None, description="the day screened (default: today)")
    since: Day | None = Field(
        default=None, description="only names whose result changed since this day"
    )
    threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        strict=True,  # a number: not `false`, not "0.9"
        description="the lowest score reported (default: the setting)",
    )


class ScreenParams(NoParams):
    model_config = ConfigDict(regex_engine="python-re")  # look-aheads
    name: str = Field(
        min_length=1, max_length=MAX_NAME, pattern=NOT_FORMULA + r"\s*\S",
        description="the name to screen (not starting like a formula: =, +, -, @)",
    )  # fmt: skip


class TieOut(Out):
    phrase: str
    since: str | None
    until: str | None


class DesignationOut(Out):
    by: str
    measure: str
    measure_id: str
    target: str
    since: str | None
    until: str | None
    in_force: bool
    path: str
    tie: TieOut | None = None


class ListingOut(Out):
    inventory: str
    note: str


class MatchOut(Out):
    actor: str
    name: str
    matched_name: str
    score: float
    designated: bool
    affiliated: bool
    listed: bool
    country: str | None
    designations: list[DesignationOut]
    affiliations: list[DesignationOut]
    listing: ListingOut | None
    reasons: list[str]
    path: list[str]


class BeforeOut(Out):
    actor: str
    name: str
    designated: bool
    affiliated: bool
    listed: bool
    path: list[str]


class ResultOut(Out):
    query: str
    id: str | None = None
    country: str | None = None
    before: list[BeforeOut] | None = None
    matches: list[MatchOut]


class RunOut(Out):
    data_version: str
    edition: str | None
    methodology: str
    threshold: float
    as_of: str
    since: str | None
    screened_at: str
    names: int


class ScreenOut(Out):
    run: RunOut
    results: list[ResultOut]


def _screened(names: list[NameIn], as_of: dt.date | None = None, **options: Any) -> Any:
    try:
        queries = [
            query_of(n.name, id=n.id, country=n.country, kind=n.kind, line=i)
            for i, n in enumerate(names)
        ]
    except BadList as exc:
        parameter = f"names[{exc.line}]"
        detail = f"{parameter}: {exc.reason}"
        errors = [{"parameter": parameter, "detail": exc.reason}]
        return problem(422, detail, parameter=parameter, errors=errors)
    run = screen(current_snapshot(), queries, version=data_version(), as_of=as_of, **options)
    return run.as_json()


@router.get("/screen", response=ScreenOut, summary="Screen one name")
def screen_name(request: HttpRequest, q: Query[ScreenParams]) -> Any:
    return _screened([NameIn(name=q.name)])


@router.post("/screen", response=ScreenOut, summary="Screen a batch of names")
def screen_names(request: HttpRequest, body: ScreenIn) -> Any:
    return _screened(body.names, body.as_of, since=body.since, threshold=body.threshold)
