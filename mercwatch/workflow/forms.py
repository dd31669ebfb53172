"""The forms of editions: freezing the current state, publishing a frozen edition."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mercwatch.tracker.limits import SHORT_NAME
from mercwatch.workflow.editions import EditionError
from mercwatch.workflow.gate import Retraction, parse_retraction

NOTES = 5000  # characters of an edition's notes
RETRACTIONS = 200  # lines of retractions


class FreezeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=SHORT_NAME)
    day = forms.DateField(
        label=_("As of"),
        required=False,
        help_text=_("The date the edition assesses; today when left empty."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=NOTES, widget=forms.Textarea
    )

    def clean_day(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get("day")
        if day is not None and day > dt.date.today():
            raise ValidationError(_("An edition is of today or a past day."))
        return day


class PublishForm(forms.Form):
    retractions = forms.CharField(
        label=_("Retractions"),
        required=False,
        max_length=RETRACTIONS * 300,
        widget=forms.Textarea,
        help_text=_(
            "One a line, as KIND:ID=REASON (KIND: government, column or provision): what this "
            "edition drops on purpose, and why."
        ),
    )

    def clean_retractions(self) -> list[Retraction]:
        lines = [x.strip() for x in self.cleaned_data["retractions"].splitlines() if x.strip()]
        if len(lines) > RETRACTIONS:
            raise ValidationError(_("At most %(n)d retractions.") % {"n": RETRACTIONS})
        found = []
        for number, line in enumerate(lines, start=1):
            try:
                found.append(parse_retraction(line))
            except EditionError as exc:
                message = _("Line %(n)d: %(reason)s") % {"n": number, "reason": exc}
                raise ValidationError(message) from exc
        return found
