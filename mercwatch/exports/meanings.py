"""What each exported column means, and the values it may take: the codebook's words.

A meaning is looked up as `table.column`, then as `column` (the words shared by many tables).
The allowed values of a coded column come from the vocabulary the data files are checked by.
"""

from __future__ import annotations

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mercwatch.core.vocabulary import (
    ActorKind,
    AliasKind,
    EventKind,
    MeasureType,
    RelationshipKind,
    SourceKind,
    Stance,
    TargetRole,
)

SHARED: dict[str, Promise] = {
    "id": _("The row's public ID, unique in the table"),
    "position": _("The row's place in its data file or list, from 0"),
    "note": _("An editor's note"),
    "title": _("The title"),
    "name": _("The name"),
    "description": _("A description"),
    "publisher": _("Who published it"),
    "url": _("The web address"),
    "since": _("When it began (a partial date; empty when unknown)"),
    "until": _("When it ended (a partial date; empty when it had not ended by the export's date)"),
    "actor": _("The actor (an ID in actors)"),
    "framework": _("The framework (an ID in frameworks)"),
    "provision": _("The provision (a code in provisions)"),
    "measure": _("The measure (an ID in measures)"),
    "methodology": _(
        "The methodology version, as text such as 2026.1 (a version in methodologies)"
    ),
    "level": _("A level code of the methodology (its levels are listed below)"),
    "rationale": _("The editor's reasons, in one paragraph"),
    "date": _("The date (a partial date)"),
    "as_of": _("The date the row is as of (YYYY-MM-DD)"),
}

SPECIFIC: dict[str, Promise] = {
    "frameworks.short_title": _("The short title, as the site shows it"),
    "frameworks.date": _("When the framework was published"),
    "provisions.code": _("The provision's stable code, such as blueprint/4"),
    "provisions.parent": _("The provision it belongs to (a code in provisions; empty at the top)"),
    "provisions.number": _("Its number within the framework, as printed"),
    "provisions.text": _("The provision's text"),
    "provisions.addressees": _("Whom it is addressed to, separated by ';'"),
    "provisions.guidance": _("How mercwatch assesses it"),
    "actors.kind": _("What kind of actor it is"),
    "actors.official_name": _("The official or legal name"),
    "actors.iso_alpha3": _("The ISO 3166 alpha-3 code of a country"),
    "actors.country": _("The country it is based in (an ID in actors)"),
    "actors.founded": _("When it was founded (a partial date)"),
    "aliases.name": _("Another name of the actor"),
    "aliases.kind": _("What kind of name it is"),
    "memberships.role": _("The actor's role, such as supporter or signatory"),
    "sources.group": _("The data file the source is listed in"),
    "sources.kind": _("How the source stands to what it reports"),
    "sources.published": _("When the source was published (a partial date)"),
    "sources.language": _("The language of the source (a BCP 47 tag)"),
    "sources.retrieved": _("When mercwatch read it (a partial date)"),
    "sources.archived_url": _("The address of an archived copy"),
    "sources.content_hash": _("The SHA-256 of the retrieved content, as sha256:…"),
    "measures.actor": _("The actor that took the measure (an ID in actors)"),
    "measures.family": _("The data file the measure is listed in"),
    "measures.type": _("What kind of measure it is"),
    "measures.summary": _("What the measure does, in brief"),
    "measures.date": _("When the measure was first dated (a partial date)"),
    "measure_events.kind": _("Which step of the measure's life"),
    "measure_events.date": _("When the step happened (a partial date)"),
    "links.level": _("How far the measure goes toward the provision (a link level)"),
    "targets.actor": _("The market actor the measure is aimed at (an ID in actors)"),
    "targets.role": _("How the measure treats the actor"),
    "overrides.level": _("The level an editor set instead of the derived one"),
    "relationships.subject": _("The actor the tie is of (an ID in actors)"),
    "relationships.kind": _("What the subject is to the object"),
    "relationships.object": _("The other actor (an ID in actors)"),
    "products.vendor": _("The vendor making it (an ID in actors)"),
    "products.kind": _("What kind of product it is, in words"),
    "citations.source": _("The source cited (an ID in sources)"),
    "citations.excerpt": _("The passage quoted from the source"),
    "citations.locator": _("Where in the source (page, section)"),
    "citations.stance": _("Whether the source supports or disputes the record"),
    "citations.kind": _("How the source stands to this record, when not its own kind"),
    "citations.framework": _("The citing framework, if it is one (an ID in frameworks)"),
    "citations.actor": _("The citing actor, if it is one (an ID in actors)"),
    "citations.membership": _("The citing membership, if it is one (an ID in memberships)"),
    "citations.measure": _("The citing measure, if it is one (an ID in measures)"),
    "citations.event": _("The citing event, if it is one (an ID in measure_events)"),
    "citations.override": _("The citing override, if it is one (an ID in overrides)"),
    "citations.relationship": _("The citing tie, if it is one (an ID in relationships)"),
    "citations.product": _("The citing product, if it is one (an ID in products)"),
    "editions.published": _("When the edition was published (YYYY-MM-DD)"),
    "editions.notes": _("What the edition is, in the editors' words"),
    "methodologies.version": _("The methodology version, as text such as 2026.1"),
    "methodologies.document": _("The methodology file, verbatim (YAML text)"),
    "assessments.level": _("The status of the actor on the provision (a level code)"),
    "assessments.label": _("The level's label, as readers see it"),
    "assessments.score": _("The level's score; empty for a level without one"),
    "assessments.derived": _("true when derived from the evidence, false when set by an editor"),
    "assessments.confidence": _("The confidence grade of the evidence (a grade code)"),
    "assessments.rule": _("The methodology rule that decided the level"),
    "assessments.text": _("The explanation, in words"),
    "listings.id": _("The entry's key in its inventory (the MISP galaxy's UUID)"),
    "listings.inventory": _("The inventory that lists the entry (misp-galaxy: the MISP galaxy)"),
    "listings.name": _("The name the inventory gives"),
    "listings.aliases": _("Other names the inventory gives, separated by ';'"),
    "listings.country": _("The ISO 3166-1 alpha-2 code the inventory gives, if any"),
    "listings.description": _("The inventory's description, as it gives it"),
    "listings.urls": _("The inventory's references (secondary sources), separated by ';'"),
    "listings.websites": _("The entry's own web sites, as the inventory gives them, by ';'"),
    "listings.actor": _(
        "The curated actor the entry was matched to by name or alias (an ID in actors; empty "
        "when none)"
    ),
    "listings.status": _(
        "Always 'candidate': listed by the inventory, not yet reviewed, never used for scoring"
    ),
    "listings.note": _("What the row is, in words"),
    "listed_ties.id": _("The tie's ID: the entry, its position"),
    "listed_ties.listing": _("The entry that records the tie (an ID in listings)"),
    "listed_ties.kind": _("Our relationship kind where one fits the inventory's word, else empty"),
    "listed_ties.object": _("The other entry (an ID in listings)"),
    "listed_ties.confidence": _("The inventory's likelihood tag (e.g. likely), if any"),
    "listed_ties.note": _("The inventory's own word for the tie"),
}

PRECISION = _("How precise the date before it is: year, month or day (empty with no date)")
PRECISIONS = ("year", "month", "day")

VALUES: dict[str, type[TextChoices]] = {
    "actors.kind": ActorKind,
    "aliases.kind": AliasKind,
    "sources.kind": SourceKind,
    "measures.type": MeasureType,
    "measure_events.kind": EventKind,
    "targets.role": TargetRole,
    "relationships.kind": RelationshipKind,
    "listed_ties.kind": RelationshipKind,
    "citations.stance": Stance,
    "citations.kind": SourceKind,
}


def meaning(table: str, column: str) -> str:
    """Give what `column` of `table` means (empty when no words were written for it)."""
    if column.endswith("_precision"):
        return str(PRECISION)
    found = SPECIFIC.get(f"{table}.{column}") or SHARED.get(column)
    return str(found) if found else ""


def allowed(table: str, column: str) -> tuple[tuple[str, str], ...]:
    """Give the values `column` of `table` may take with their labels, or () when not coded."""
    if column.endswith("_precision"):
        return tuple((p, p) for p in PRECISIONS)
    choices = VALUES.get(f"{table}.{column}")
    return tuple((str(v), str(label)) for v, label in choices.choices) if choices else ()
