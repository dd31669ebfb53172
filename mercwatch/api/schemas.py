"""The API's response shapes, as they appear in the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import create_model


class CiteOut(Schema):
    source: str
    excerpt: str
    locator: str
    stance: str
    kind: str | None


class FrameworkOut(Schema):
    id: str
    title: str
    short_title: str
    publisher: str
    date: str | None
    url: str | None
    description: str
    provisions: list[str]
    sources: list[CiteOut]


class ProvisionOut(Schema):
    code: str
    framework: str
    parent: str | None
    number: str
    title: str
    text: str
    addressees: list[str]
    guidance: str
    children: list[str]


class AliasOut(Schema):
    name: str
    kind: str


class ProductOut(Schema):
    id: str
    name: str
    kind: str
    description: str
    sources: list[CiteOut]


class ActorOut(Schema):
    id: str
    kind: str
    name: str
    official_name: str
    iso_alpha3: str
    country: str | None
    founded: str | None
    description: str
    aliases: list[AliasOut]
    products: list[ProductOut]
    sources: list[CiteOut]


class MembershipOut(Schema):
    id: str
    actor: str
    framework: str
    role: str
    since: str | None
    until: str | None
    note: str
    sources: list[CiteOut]


class SourceOut(Schema):
    id: str
    group: str
    url: str
    kind: str
    title: str
    publisher: str
    published: str | None
    language: str
    retrieved: str | None
    archived_url: str | None
    content_hash: str
    note: str


class EventOut(Schema):
    kind: str
    date: str
    note: str
    sources: list[CiteOut]


class TargetOut(Schema):
    actor: str
    role: str
    since: str | None
    until: str | None
    note: str


class LinkOut(Schema):
    provision: str
    level: str
    rationale: str


class MeasureOut(Schema):
    id: str
    actor: str
    family: str
    type: str
    title: str
    summary: str
    date: str
    status: Literal["pending", "in-force", "ended"]
    events: list[EventOut]
    sources: list[CiteOut]
    targets: list[TargetOut]
    links: list[LinkOut]
    note: str


class RelationshipOut(Schema):
    id: str
    subject: str
    kind: str
    object: str
    since: str | None
    until: str | None
    note: str
    sources: list[CiteOut]


class ContributionOut(Schema):
    kind: str
    id: str
    title: str
    date: str | None
    link_level: str
    rationale: str
    confidence: str
    disputed: bool
    decisive: bool
    sources: list[str]
    disputed_by: list[str]


class ExplanationOut(Schema):
    rule: str
    text: str
    measures: list[ContributionOut]
    memberships: list[ContributionOut]
    override: dict[str, Any] | None


class AssessmentOut(Schema):
    actor: str
    provision: str
    as_of: str
    level: str
    label: str
    score: int | None
    derived: bool
    confidence: str | None
    methodology: str
    explanation: ExplanationOut


class EditionOut(Schema):
    id: str
    title: str
    as_of: str
    published: str
    methodology: str
    notes: str


class LevelOut(Schema):
    level: str
    label: str


class ChangeOut(Schema):
    id: str
    date: str
    actor: str
    provision: str
    before: LevelOut
    after: LevelOut
    causes: list[str]
    methodology: str


class ProblemOut(Schema):
    type: str
    title: str
    status: int
    detail: str
    parameter: str | None = None
    errors: list[dict[str, str]] | None = None


def page_of(item: type[Schema]) -> type[Schema]:
    """Give the page schema for `item`: the total, the window, the next page's URL, the items."""
    name = item.__name__.removesuffix("Out") + "Page"
    return create_model(
        name,
        __base__=Schema,
        total=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        next=(str | None, ...),
        items=(list[item], ...),  # type: ignore[valid-type]
    )
