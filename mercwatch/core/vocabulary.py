"""Closed vocabularies shared by the data files, the models and the API."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActorKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    SUPRANATIONAL = "supranational", _("Supranational body")
    COMPANY = "company", _("Company")
    CIVIL_SOCIETY = "civil-society", _("Civil-society organisation")
    VENDOR = "vendor", _("Vendor")
    PERSON = "person", _("Person")


GOVERNMENT_KINDS = frozenset({ActorKind.COUNTRY.value, ActorKind.SUPRANATIONAL.value})


class Addressee(models.TextChoices):
    GOVERNMENTS = "governments", _("Governments")
    INDUSTRY = "industry", _("Industry")
    CIVIL_SOCIETY = "civil-society", _("Civil society")


class MeasureType(models.TextChoices):
    LAW = "law", _("Law")
    REGULATION = "regulation", _("Regulation")
    EXECUTIVE_ORDER = "executive-order", _("Executive order")
    EXPORT_CONTROL = "export-control", _("Export-control rule")
    DESIGNATION = "designation", _("Designation (trade list)")
    SANCTION = "sanction", _("Sanction")
    VISA_RESTRICTION = "visa-restriction", _("Visa restriction")
    PROCUREMENT = "procurement", _("Procurement rule or contract")
    OVERSIGHT_BODY = "oversight-body", _("Oversight body")
    INQUIRY = "inquiry", _("Inquiry")
    DISCLOSURE = "disclosure", _("Official disclosure")
    COURT_RULING = "court-ruling", _("Court ruling")
    LAWSUIT = "lawsuit", _("Lawsuit")
    DECLARATION = "declaration", _("Declaration or statement")
    RESOLUTION = "resolution", _("Parliamentary resolution or recommendation")
    INVESTMENT_EXCLUSION = "investment-exclusion", _("Investment exclusion")
    THREAT_REPORT = "threat-report", _("Threat report")
    TAKEDOWN = "takedown", _("Takedown")
    USER_NOTIFICATION = "user-notification", _("User notification")
    TRANSPARENCY_REPORT = "transparency-report", _("Transparency report")
    CORPORATE_POLICY = "corporate-policy", _("Corporate policy")
    SECURITY_FIX = "security-fix", _("Security fix")


class EventKind(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    ADOPTED = "adopted", _("Adopted")
    IN_FORCE = "in-force", _("In force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    ENDED = "ended", _("Ended")


class SourceKind(models.TextChoices):
    PRIMARY = "primary", _("Primary (the issuing body)")
    REPRINT = "reprint", _("Reprint of the primary text")
    SECONDARY = "secondary", _("Secondary (press or analysis)")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    DISPUTES = "disputes", _("Disputes")


class TargetRole(models.TextChoices):
    DESIGNATED = "designated", _("Designated")
    NAMED = "named", _("Named")
    SUED = "sued", _("Sued")
    EXCLUDED = "excluded", _("Excluded")
    CONVICTED = "convicted", _("Convicted")


class RelationshipKind(models.TextChoices):
    SUBSIDIARY = "subsidiary", _("Subsidiary of")
    OWNER = "owner", _("Owner of or investor in")
    PART_OF = "part-of", _("Part of (consortium or group)")
    SUCCESSOR = "successor", _("Successor of")
    MEMBER = "member", _("Member of")
    FOUNDER = "founder", _("Founder of")
    EXECUTIVE = "executive", _("Executive of")
    CUSTOMER = "customer", _("Customer of")


class AliasKind(models.TextChoices):
    ALIAS = "alias", _("Also known as")
    FORMER = "former", _("Former name")
    LEGAL = "legal", _("Legal name")


class ChangeLabel(models.TextChoices):
    """Why the data changed, as every revision is labelled (store.writes.apply)."""

    NEW_MEASURE = "new-measure", _("New measure")
    NEW_EVIDENCE = "new-evidence", _("New evidence")
    CORRECTION = "correction", _("Correction")
    RETRACTION = "retraction", _("Retraction")
    METHODOLOGY_CHANGE = "methodology-change", _("Methodology change")
    RIGHT_OF_REPLY = "right-of-reply", _("Right of reply")
