"""The permanent record of writes: one `Revision` a write (when, who, why, what it touched),
named by every historical row the write made. `store.models.DataChange` keeps only the last
writes, for readers to patch with; revisions are kept for good, for the history pages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from mercwatch.store.models import Revision, RevisionRow


def credited(user: Any) -> str:
    """Give the name a user is credited by in public: their display name (full name, else
    user name), or "" where they asked to be credited anonymously (`credit_anonymously` on
    the user or on its `profile`) or where there is no user (a `load` from the command line)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    for holder in (user, getattr(user, "profile", None)):
        if holder is not None and getattr(holder, "credit_anonymously", False):
            return ""
    name: str = user.get_full_name() or user.get_username()
    return name


def shown_credit(revision: Revision | None) -> str:
    """Give who made a revision as readers see it: the name credited when it was written (a
    record's history does not change afterwards), else "an editor"."""
    return (revision.credit if revision is not None else "") or _("an editor")


def record(
    counter: int,
    user: Any,
    reason: str,
    label: str,
    records: set[tuple[str, str]],
    rows: list[tuple[str, int]],
) -> Revision:
    """Keep the revision of a write that moved the data version on to `counter`."""
    known = user if user is not None and getattr(user, "pk", None) is not None else None
    revision = Revision.objects.create(
        at=timezone.now(),
        counter=counter,
        user=known,
        credit=credited(known),
        reason=reason,
        label=label,
        records=sorted([list(r) for r in records]),
    )
    RevisionRow.objects.bulk_create(
        [RevisionRow(revision=revision, model=model, history_id=pk) for model, pk in rows],
        batch_size=500,
    )
    return revision
