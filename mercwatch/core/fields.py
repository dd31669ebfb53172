"""Model fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from mercwatch.core.partial_dates import PartialDate, PartialDateError


class PartialDateField(models.CharField):  # type: ignore[type-arg]
    """Stores a PartialDate as its canonical text, which also sorts correctly."""

    description = "A date known to the year, month or day"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return None
        return PartialDate.parse(value)

    def to_python(self, value: Any) -> Any:
        if value is None or value == "":
            return None
        try:
            return PartialDate.parse(value)
        except PartialDateError as exc:
            raise ValidationError(str(exc)) from exc

    def run_validators(self, value: Any) -> None:
        # The length and other text validators check the canonical text, not the date object.
        super().run_validators(None if value is None else str(value))

    def get_prep_value(self, value: Any) -> Any:
        if value is None or value == "":
            return None
        return str(PartialDate.parse(value))

    def value_to_string(self, obj: Any) -> str:
        value = self.value_from_object(obj)
        return "" if value is None else str(value)
