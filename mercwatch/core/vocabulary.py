"""Closed vocabularies shared by the data files, the models and the API."""

from __future__ import annotations

from django.db import models


class ActorKind(models.TextChoices):
    COUNTRY = "country", "Country"
    SUPRANATIONAL = "supranational", "Supranational body"
    COMPANY = "company", "Company"
    CIVIL_SOCIETY = "civil-society", "Civil-society organisation"
    VENDOR = "vendor", "Vendor"
    PERSON = "person", "Person"


GOVERNMENT_KINDS = frozenset({ActorKind.COUNTRY.value, ActorKind.SUPRANATIONAL.value})


class Addressee(models.TextChoices):
    GOVERNMENTS = "governments", "Governments"
    INDUSTRY = "industry", "Industry"
    CIVIL_SOCIETY = "civil-society", "Civil society"


class MeasureType(models.TextChoices):
    LAW = "law", "Law"
    REGULATION = "regulation", "Regulation"
    EXECUTIVE_ORDER = "executive-order", "Executive order"
    EXPORT_CONTROL = "export-control", "Export-control rule"
    DESIGNATION = "designation", "Designation (trade list)"
    SANCTION = "sanction", "Sanction"
    VISA_RESTRICTION = "visa-restriction", "Visa restriction"
    PROCUREMENT = "procurement", "Procurement rule or contract"
    OVERSIGHT_BODY = "oversight-body", "Oversight body"
    INQUIRY = "inquiry", "Inquiry"
    DISCLOSURE = "disclosure", "Official disclosure"
    COURT_RULING = "court-ruling", "Court ruling"
    LAWSUIT = "lawsuit", "Lawsuit"
    DECLARATION = "declaration", "Declaration or statement"
    RESOLUTION = "resolution", "Parliamentary resolution or recommendation"
    INVESTMENT_EXCLUSION = "investment-exclusion", "Investment exclusion"
    THREAT_REPORT = "threat-report", "Threat report"
    TAKEDOWN = "takedown", "Takedown"
    USER_NOTIFICATION = "user-notification", "User notification"
    TRANSPARENCY_REPORT = "transparency-report", "Transparency report"
    CORPORATE_POLICY = "corporate-policy", "Corporate policy"
    SECURITY_FIX = "security-fix", "Security fix"


class EventKind(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    ADOPTED = "adopted", "Adopted"
    IN_FORCE = "in-force", "In force"
    AMENDED = "amended", "Amended"
    REPEALED = "repealed", "Repealed"
    ENDED = "ended", "Ended"


class SourceKind(models.TextChoices):
    PRIMARY = "primary", "Primary (the issuing body)"
    REPRINT = "reprint", "Reprint of the primary text"
    SECONDARY = "secondary", "Secondary (press or analysis)"


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    DISPUTES = "disputes", "Disputes"


class TargetRole(models.TextChoices):
    DESIGNATED = "designated", "Designated"
    NAMED = "named", "Named"
    SUED = "sued", "Sued"
    EXCLUDED = "excluded", "Excluded"
    CONVICTED = "convicted", "Convicted"


class RelationshipKind(models.TextChoices):
    SUBSIDIARY = "subsidiary", "Subsidiary of"
    OWNER = "owner", "Owner of or investor in"
    PART_OF = "part-of", "Part of (consortium or group)"
    SUCCESSOR = "successor", "Successor of"
    MEMBER = "member", "Member of"
    FOUNDER = "founder", "Founder of"
    EXECUTIVE = "executive", "Executive of"
    CUSTOMER = "customer", "Customer of"


class AliasKind(models.TextChoices):
    ALIAS = "alias", "Also known as"
    FORMER = "former", "Former name"
    LEGAL = "legal", "Legal name"
