"""How pages say things a record holds as codes: ties, dated spans, kinds and countries."""

from __future__ import annotations

import datetime as dt

import pycountry
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mercwatch.core.partial_dates import PartialDate
from mercwatch.core.vocabulary import ActorKind, EventKind, MeasureType, SourceKind, TargetRole
from mercwatch.market.services import Tie
from mercwatch.tracker.snapshot import Snapshot

# kind: (the subject is ... the object, the object is ... the subject), articles included.
TIES: dict[str, tuple[Promise, Promise]] = {
    "subsidiary": (gettext_lazy("a subsidiary of"), gettext_lazy("the parent company of")),
    "owner": (gettext_lazy("an owner of or investor in"), gettext_lazy("owned by or backed by")),
    "part-of": (gettext_lazy("part of"), gettext_lazy("a group that includes")),
    "successor": (gettext_lazy("the successor of"), gettext_lazy("the predecessor of")),
    "member": (gettext_lazy("a member of"), gettext_lazy("a group whose members include")),
    "founder": (gettext_lazy("a founder of"), gettext_lazy("founded by")),
    "executive": (gettext_lazy("an executive of"), gettext_lazy("a company led in part by")),
    "customer": (gettext_lazy("a customer of"), gettext_lazy("a supplier of")),
}


def tie_phrase(tie: Tie, actor: str) -> str:
    """Give what `actor` is to the other end of the tie: "part of", "owned by or backed by"."""
    forward, reverse = TIES[tie.kind]
    return str(forward if tie.subject == actor else reverse)


def span(since: PartialDate | None, until: PartialDate | None, today: dt.date) -> str:
    """Give a tie's dates as known: "2014 – 2019 (ended)", "since 18 July 2023", or "" if none."""
    if since and until:
        text = _("%(since)s – %(until)s") % {"since": since.human(), "until": until.human()}
    elif since:
        return _("since %(since)s") % {"since": since.human()}
    elif until:
        text = _("until %(until)s") % {"until": until.human()}
    else:
        return ""
    return _("%(span)s (ended)") % {"span": text} if until.first_day() <= today else text


def designated_span(since: PartialDate, until: PartialDate | None, today: dt.date) -> str:
    """Give a designation's dates: "designated 27 February 2024 – 23 October 2024 (removed)"."""
    if until is None:
        return _("designated since %(since)s") % {"since": since.human()}
    text = _("designated %(since)s – %(until)s") % {"since": since.human(), "until": until.human()}
    return _("%(span)s (removed)") % {"span": text} if until.first_day() <= today else text


# The sections of the site, as their lists and crumbs name them.
SECTIONS: dict[str, Promise] = {
    "governments": gettext_lazy("Governments"),
    "companies": gettext_lazy("Companies"),
    "organisations": gettext_lazy("Organisations"),
    "vendors": gettext_lazy("Vendors"),
}


def section_label(section: str) -> str:
    """Give a section of the site as a reader reads it: "Governments", "Organisations"."""
    return str(SECTIONS.get(section, section))


def kind_label(kind: str) -> str:
    """Give an actor kind as a reader reads it: "Vendor", "Civil-society organisation"."""
    return str(ActorKind(kind).label) if kind in ActorKind.values else kind


def measure_type(value: str) -> str:
    """Give a measure type as a reader reads it: "Designation (trade list)"."""
    return str(MeasureType(value).label) if value in MeasureType.values else value


def role_label(value: str) -> str:
    """Give a target role as a reader reads it: "Designated"."""
    return str(TargetRole(value).label) if value in TargetRole.values else value


def event_label(value: str) -> str:
    """Give a lifecycle event as a reader reads it: "In force"."""
    return str(EventKind(value).label) if value in EventKind.values else value


def source_kind(value: str) -> str:
    """Give a source kind as a reader reads it: "Primary (the issuing body)"."""
    return str(SourceKind(value).label) if value in SourceKind.values else value


def country_name(data: Snapshot, code: str) -> str:
    """Give the name of a country or body: the actor's name, else ISO 3166's, else the code."""
    if code in data.actors:
        return data.actors[code].name
    found = pycountry.countries.get(alpha_2=code)
    return str(found.name) if found is not None else code


def language_name(code: str) -> str:
    """Give a language tag's name, from ISO 639 ("en" → "English", "pt-BR" → "Portuguese")."""
    base = code.split("-")[0]
    found = pycountry.languages.get(alpha_2=base) or pycountry.languages.get(alpha_3=base)
    return str(found.name) if found is not None else code
