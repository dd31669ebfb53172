"""The value types the data files' schemas and the methodology share: dates known to the year,
month or day, IDs and codes, and text with its limit (mercwatch/tracker/limits.py).

Plain pydantic types: nothing here imports Django or the loader.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from mercwatch.core.partial_dates import PartialDate
from mercwatch.tracker import limits

SLUG = r"^[a-z0-9][a-z0-9-]*[a-z0-9]$"
COUNTRY_ID = r"^[A-Z]{2}$"
ACTOR_ID = r"^([A-Z]{2}|[a-z0-9][a-z0-9-]{1,62}[a-z0-9])$"
PROVISION_CODE = r"^[a-z0-9-]+/[0-9]+(\.[0-9]+)?$"


def _date(value: Any) -> PartialDate:
    return PartialDate.parse(value)


DateValue = Annotated[
    PartialDate,
    BeforeValidator(_date),
    PlainSerializer(str, return_type=str),
]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


NotBlank = AfterValidator(_not_blank)
# Text fields, each with its limit in characters (mercwatch/tracker/limits.py).
Prose = Annotated[str, Field(max_length=limits.PROSE)]
Text = Annotated[Prose, NotBlank]
Name = Annotated[str, Field(max_length=limits.NAME), NotBlank]
ShortName = Annotated[str, Field(max_length=limits.SHORT_NAME)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=limits.ID)]
Code = Annotated[str, Field(pattern=SLUG, max_length=limits.CODE)]
LevelCode = Annotated[str, Field(pattern=SLUG, max_length=limits.LEVEL)]
ActorId = Annotated[str, Field(pattern=ACTOR_ID)]
ProvisionCode = Annotated[str, Field(pattern=PROVISION_CODE, max_length=limits.CODE)]
URL = r"^https?://\S+$"
Url = Annotated[str, Field(pattern=URL, max_length=limits.URL)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=True)
