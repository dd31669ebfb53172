"""The schema of every file in the data directory; unknown fields are errors.

The field order of each model is the key order `mercwatch dump` writes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainSerializer,
)

from mercwatch.core.vocabulary import (
    ActorKind,
    Addressee,
    AliasKind,
    EventKind,
    MeasureType,
    RelationshipKind,
    SourceKind,
    Stance,
    TargetRole,
)
from mercwatch.tracker import limits
from mercwatch.tracker.values import (  # noqa: F401  (the schemas' vocabulary of values)
    ACTOR_ID,
    COUNTRY_ID,
    PROVISION_CODE,
    SLUG,
    URL,
    ActorId,
    Code,
    DateValue,
    LevelCode,
    Name,
    NotBlank,
    Prose,
    ProvisionCode,
    ShortName,
    Slug,
    Strict,
    Text,
    Url,
)


class Cite(Strict):
    """A citation: a source's ID, or the source with the quoted excerpt and its locator."""

    source: Slug
    excerpt: Prose = ""
    locator: ShortName = ""
    stance: Stance = Stance.SUPPORTS
    # How the source stands to this claim when it differs from the source's own kind: the Tech
    # Accord's post is primary about the Tech Accord, second-hand about a member's action.
    kind: SourceKind | None = None


def _cite_shorthand(value: Any) -> Any:
    if isinstance(value, list):
        return [{"source": item} if isinstance(item, str) else item for item in value]
    return value


Cites = Annotated[tuple[Cite, ...], BeforeValidator(_cite_shorthand)]
RequiredCites = Annotated[tuple[Cite, ...], BeforeValidator(_cite_shorthand), Field(min_length=1)]


class ProvisionEntry(Strict):
    code: ProvisionCode
    number: Annotated[str, Field(max_length=limits.NUMBER)]
    title: Name
    addressees: tuple[Addressee, ...] = Field(min_length=1)
    text: Prose = ""
    guidance: Prose = ""
    provisions: tuple[ProvisionEntry, ...] = ()


class FrameworkFile(Strict):
    id: Code
    title: Name
    short_title: Annotated[str, Field(max_length=limits.SHORT_TITLE), NotBlank]
    position: int = Field(ge=0)
    publisher: ShortName = ""
    date: DateValue | None = None
    url: Annotated[str, Field(pattern=URL, max_length=limits.FRAMEWORK_URL)] | None = None
    description: Prose = ""
    sources: Cites = ()
    provisions: tuple[ProvisionEntry, ...] = ()


class AliasEntry(Strict):
    name: Name
    kind: AliasKind = AliasKind.ALIAS


class RelationshipEntry(Strict):
    kind: RelationshipKind
    object: ActorId
    since: DateValue | None = None
    until: DateValue | None = None
    note: Prose = ""
    sources: RequiredCites


class ProductEntry(Strict):
    id: Slug
    name: Annotated[ShortName, NotBlank]
    kind: Annotated[str, Field(max_length=limits.ROLE), NotBlank]
    description: Prose = ""
    sources: RequiredCites


class ActorFile(Strict):
    id: ActorId
    kind: ActorKind
    name: Name
    official_name: Annotated[str, Field(max_length=limits.NAME)] = ""
    iso_alpha3: Annotated[str, Field(pattern=r"^([A-Z]{3})?$")] = ""
    country: ActorId | None = None
    founded: DateValue | None = None
    description: Prose = ""
    aliases: tuple[AliasEntry, ...] = ()
    sources: Cites = ()
    relationships: tuple[RelationshipEntry, ...] = ()
    products: tuple[ProductEntry, ...] = ()


class MemberEntry(Strict):
    actor: ActorId
    role: Annotated[str, Field(pattern=r"^[a-z][a-z-]*$", max_length=limits.ROLE)]
    since: DateValue | None = None
    until: DateValue | None = None
    note: Prose = ""
    sources: RequiredCites


class MembershipFile(Strict):
    framework: Code
    members: tuple[MemberEntry, ...]


class SourceEntry(Strict):
    id: Slug
    url: Url
    kind: SourceKind
    title: Annotated[str, Field(max_length=limits.SOURCE_TITLE)] = ""
    publisher: ShortName = ""
    published: DateValue | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")] = "en"
    retrieved: DateValue | None = None
    archived_url: Url | None = None
    content_hash: Annotated[str, Field(pattern=r"^(sha256:[0-9a-f]{64})?$")] = ""
    note: Prose = ""


class SourceFile(Strict):
    sources: tuple[SourceEntry, ...]


class EventEntry(Strict):
    kind: EventKind
    date: DateValue
    note: Prose = ""
    sources: Cites = ()


class TargetEntry(Strict):
    actor: ActorId
    role: TargetRole
    since: DateValue | None = None
    until: DateValue | None = None
    note: Prose = ""


class LinkEntry(Strict):
    provision: ProvisionCode
    level: LevelCode
    rationale: Text


class MeasureEntry(Strict):
    id: Slug
    type: MeasureType
    title: Name
    summary: Text
    date: DateValue
    events: tuple[EventEntry, ...] = ()
    sources: RequiredCites
    targets: tuple[TargetEntry, ...] = ()
    links: tuple[LinkEntry, ...] = ()
    note: Prose = ""


class MeasureFile(Strict):
    measures: tuple[MeasureEntry, ...] = Field(min_length=1)


class OverrideEntry(Strict):
    actor: ActorId
    provision: ProvisionCode
    level: LevelCode
    rationale: Text
    since: DateValue | None = None
    until: DateValue | None = None
    sources: Cites = ()


class OverrideFile(Strict):
    overrides: tuple[OverrideEntry, ...]


def _full_date(value: Any) -> Any:
    if isinstance(value, str) and len(value) != 10:
        raise ValueError(f"expected a full date YYYY-MM-DD, got {value!r}")
    return value


FullDate = Annotated[
    dt.date,
    BeforeValidator(_full_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
]


class EditionEntry(Strict):
    id: Code
    title: Annotated[ShortName, NotBlank]
    as_of: FullDate
    published: FullDate
    methodology: Annotated[str, Field(pattern=r"^[0-9]{4}\.[0-9]+$", max_length=limits.LEVEL)]
    notes: Prose = ""


class EditionFile(Strict):
    editions: tuple[EditionEntry, ...]


# An imported inventory's entry (a listing): its key is the inventory's own (a UUID).
LISTING_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
ListingField = Literal[
    "name", "aliases", "country", "description", "urls", "websites", "ties", "actor"
]


class ListedTieEntry(Strict):
    kind: RelationshipKind | Literal[""] = ""  # "" where no kind of ours fits
    object: Annotated[str, Field(pattern=LISTING_ID, max_length=limits.ID)]
    confidence: Annotated[str, Field(max_length=limits.ROLE)] = ""
    note: Prose = ""


class ListingEntry(Strict):
    id: Annotated[str, Field(pattern=LISTING_ID, max_length=limits.ID)]
    name: Name
    aliases: tuple[Name, ...] = ()
    country: Annotated[str, Field(pattern=COUNTRY_ID)] | None = None
    description: Prose = ""
    urls: tuple[Url, ...] = ()
    websites: tuple[Url, ...] = ()
    ties: tuple[ListedTieEntry, ...] = ()
    actor: ActorId | None = None
    curated: tuple[ListingField, ...] = ()


class ListingFile(Strict):
    inventory: Code
    listings: tuple[ListingEntry, ...]


ACTOR_DIRS: dict[str, str] = {
    ActorKind.COUNTRY.value: "countries",
    ActorKind.SUPRANATIONAL.value: "bodies",
    ActorKind.COMPANY.value: "companies",
    ActorKind.CIVIL_SOCIETY.value: "organisations",
    ActorKind.VENDOR.value: "vendors",
    ActorKind.PERSON.value: "persons",
}


def is_country_id(value: str) -> bool:
    return re.match(COUNTRY_ID, value) is not None
