"""The site's forms of the review workflow. The proposed records are typed as YAML in the
data files' shape; each problem the checks find is shown at its field, with its line."""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mercwatch.review.models import Kind
from mercwatch.review.proposal import FieldErrors
from mercwatch.tracker.loader.yamlio import YamlError, line_of, read_yaml, write_yaml

EXAMPLE = """measures:
  - actor: FR
    family: declarations
    id: fr-example-pledge
    type: declaration
    title: A pledge
    summary: What the measure does, in a sentence.
    date: 2025-02
    sources:
      - src-example-report
sources:
  - group: submitted
    id: src-example-report
    url: https://example.org/report
    kind: secondary
    title: The report that shows it
"""
TEXT_FIELDS = ("kind", "title", "statement", "contact", "private_note", "text", "reason")
MAX_PROPOSAL = 64 * 1024  # characters of YAML


class SubmissionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What you propose"), choices=Kind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    statement = forms.CharField(
        label=gettext_lazy("Statement"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("What the records show, and why they should be published."),
    )
    proposal = forms.CharField(
        label=gettext_lazy("Proposed records (YAML, as in the data files)"),
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        max_length=MAX_PROPOSAL,
        help_text=gettext_lazy(
            "Measures (each with its actor and file family), sources (each with its group) "
            "and the IDs of measures to retract, as the data files write them."
        ),
    )
    anonymous = forms.BooleanField(label=gettext_lazy("Credit me anonymously"), required=False)
    contact = forms.CharField(
        label=gettext_lazy("Contact (private: editors only)"), max_length=200, required=False
    )
    private_note = forms.CharField(
        label=gettext_lazy("Private note (editors only)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class EditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    statement = forms.CharField(
        label=gettext_lazy("Statement"), widget=forms.Textarea(attrs={"rows": 4})
    )
    proposal = forms.CharField(
        label=gettext_lazy("Proposed records (YAML, as in the data files)"),
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        max_length=MAX_PROPOSAL,
    )
    reason = forms.CharField(
        label=gettext_lazy("What you changed, and why"), required=False, max_length=5000
    )


class MessageForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        widget=forms.RadioSelect,
        choices=[
            ("approve", gettext_lazy("Approve and publish")),
            ("request-changes", gettext_lazy("Request changes")),
            ("reject", gettext_lazy("Reject")),
        ],
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (sent to the contributor)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


def read_proposal(text: str) -> tuple[Any, Any]:
    """Give the proposal typed as YAML as plain JSON values, and the document read (for the
    lines of its problems); raise `YamlError`."""
    document = read_yaml(text)
    return json.loads(json.dumps(document)), document


def shown(proposal: dict[str, Any]) -> str:
    return write_yaml(proposal) if proposal else ""


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def with_lines(errors: FieldErrors, document: Any) -> list[str]:
    """Give the problems of the proposal, each with the line of the YAML it is on."""
    out = []
    for path, reasons in errors.items():
        if path in TEXT_FIELDS:
            continue
        loc = tuple(int(n) if n else name for name, n in _PART.findall(path))
        line = line_of(document, loc) if document is not None and path != "proposal" else None
        for reason in reasons:
            if line is None:
                out.append(f"{path}: {reason}" if path != "proposal" else reason)
            else:
                out.append(_("line %(line)d: %(field)s: %(reason)s") % {
                    "line": line, "field": path, "reason": reason})  # fmt: skip
    return out


def yaml_problem(exc: YamlError) -> list[str]:
    return [_("line %(line)d: %(reason)s") % {"line": exc.line, "reason": exc.message}]
