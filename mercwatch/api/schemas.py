"""The API's response shapes, as they appear in the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, create_model


class Out(BaseModel):
    """A response shape: plain pydantic, so dicts validate fast (ninja's Schema reads attributes
    through a getter per field, which costs more than the rest of a request)."""


class CiteOut(Out):
    source: str
    excerpt: str
    locator: str
    stance: str
    kind: str | None


class FrameworkOut(Out):
    id: str
    title: str
    short_title: str
    publisher: str
    date: str | None
    url: str | None
    description: str
    provisions: list[str]
    sources: list[CiteOut]


class ProvisionOut(Out):
    code: str
    framework: str
    parent: str | None
    number: str
    title: str
    text: str
    addressees: list[str]
    guidance: str
    children: list[str]


class AliasOut(Out):
    name: str
    kind: str


class ProductOut(Out):
    id: str
    name: str
    kind: str
    description: str
    sources: list[CiteOut]


class ActorOut(Out):
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


class MembershipOut(Out):
    id: str
    actor: str
    framework: str
    role: str
    since: str | None
    until: str | None
    note: str
    sources: list[CiteOut]


class SourceOut(Out):
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


class EventOut(Out):
    kind: str
    date: str
    note: str
    sources: list[CiteOut]


class TargetOut(Out):
    actor: str
    role: str
    since: str | None
    until: str | None
    note: str


class LinkOut(Out):
    provision: str
    level: str
    rationale: str


class MeasureOut(Out):
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


class RelationshipOut(Out):
    id: str
    subject: str
    kind: str
    object: str
    since: str | None
    until: str | None
    note: str
    sources: list[CiteOut]


class ContributionOut(Out):
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


class ExplanationOut(Out):
    rule: str
    text: str
    measures: list[ContributionOut]
    memberships: list[ContributionOut]
    override: dict[str, Any] | None
    not_shown: int
    evidence: str


class AssessmentOut(Out):
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


class EditionFileOut(Out):
    format: str
    filename: str
    media_type: str
    size: int
    sha256: str
    url: str


class CitationOut(Out):
    authors: str
    title: str
    date: str
    identifier: str
    url: str
    text: str


class RetractionOut(Out):
    kind: str
    id: str
    reason: str


class EditionOut(Out):
    """An edition: frozen (its data and files stored, `sha256` and `citation` given), or an
    edition record of the data that no published edition has frozen yet (a view of today's data
    at its date: `frozen` false, no files)."""

    id: str
    title: str
    as_of: str
    published: str | None
    methodology: str
    notes: str
    frozen: bool = False
    sha256: str | None = None
    record: str | None = None  # the edition record (data/editions.yaml) it froze
    citation: CitationOut | None = None
    previous: str | None = None
    diff_from_previous: str | None = None
    retractions: list[RetractionOut] = []
    files: list[EditionFileOut] = []


class ReasonOut(Out):
    text: str
    label: str
    when: str


class DiffLevelOut(Out):
    level: str
    label: str
    score: int | None


class StatusDiffOut(Out):
    direction: str
    actor: str
    provision: str
    before: DiffLevelOut | None
    after: DiffLevelOut | None
    measures: list[str]
    reasons: list[ReasonOut]


class FieldDiffOut(Out):
    field: str
    before: Any
    after: Any


class MeasureDiffOut(Out):
    change: str
    measure: str
    actor: str
    title: str
    fields: list[FieldDiffOut]
    reasons: list[ReasonOut]


class EditionDiffOut(Out):
    from_edition: str
    to_edition: str
    statuses: list[StatusDiffOut]
    measures: list[MeasureDiffOut]


class LevelOut(Out):
    level: str
    label: str


class ChangeOut(Out):
    id: str
    date: str
    actor: str
    provision: str
    before: LevelOut
    after: LevelOut
    causes: list[str]
    methodology: str


class IndexOut(Out):
    title: str
    version: str
    docs: str
    console: str
    openapi: str
    license: str
    collections: dict[str, str]


class ProblemErrorOut(Out):
    parameter: str
    detail: str


class ProblemOut(Out):
    """An RFC 9457 problem: every error the API gives has this shape."""

    model_config = ConfigDict(extra="forbid")
    type: str
    title: str
    status: int
    detail: str
    parameter: str | None = None
    errors: list[ProblemErrorOut] | None = None


def page_of(item: type[Out]) -> type[Out]:
    """Give the page schema for `item`: the total, the window, the neighbours' URLs, the items."""
    name = item.__name__.removesuffix("Out") + "Page"
    return create_model(
        name,
        __base__=Out,
        total=(int, ...),
        limit=(int, ...),
        offset=(int, ...),
        previous=(str | None, ...),
        next=(str | None, ...),
        items=(list[item], ...),  # type: ignore[valid-type]
    )
