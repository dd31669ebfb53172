"""Editions: the frozen ones with their citation and files, the edition records not frozen yet,
and the diff of two frozen editions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router

from mercwatch.api import known, services
from mercwatch.api.paging import paged
from mercwatch.api.params import PageParams
from mercwatch.api.records import Record
from mercwatch.api.schemas import EditionDiffOut, EditionOut, page_of
from mercwatch.core.origin import origin
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.snapshot import NotFound, Snapshot
from mercwatch.workflow import editions
from mercwatch.workflow import services as frozen
from mercwatch.workflow.models import FrozenEdition
from mercwatch.workflow.pages import as_record

router = Router(tags=["editions"])


def _frozen(edition: FrozenEdition, base: str) -> Record:
    r = as_record(edition, base)
    return {
        "id": r["id"],
        "title": r["title"],
        "as_of": r["date"],
        "published": None if r["published"] is None else r["published"][:10],
        "methodology": r["methodology"],
        "notes": r["notes"],
        "frozen": True,
        "sha256": r["sha256"],
        "record": r["record"],
        "citation": r["citation"],
        "previous": r["previous"],
        "diff_from_previous": r["diff_from_previous"],
        "retractions": r["retractions"],
        "files": r["files"],
    }


def _records(data: Snapshot, base: str) -> list[Record]:
    """Give every published edition, and every edition record none of them froze, by date."""
    published = list(editions.published())
    done = {e.view for e in published}
    views = [{**r, "frozen": False} for r in services.editions(data) if r["id"] not in done]
    found = [_frozen(e, base) for e in published] + views
    return sorted(found, key=lambda r: (r["as_of"], r["id"]))


@router.get("/editions", response=page_of(EditionOut), summary="List editions")
def list_editions(request: HttpRequest, q: Query[PageParams]) -> HttpResponse:
    return paged(request, _records(known.dataset_for(q), origin(request)), q)


@router.get("/editions/{edition_id}", response=EditionOut, summary="One edition")
def get_edition(request: HttpRequest, edition_id: str) -> dict[str, Any]:
    """An edition by its identifier; an edition record's ID gives the published edition that
    froze it, if one did (so the IDs of data/editions.yaml keep answering)."""
    try:
        return _frozen(frozen.edition(edition_id), origin(request))
    except frozen.NoEdition:
        record = services.one(services.editions(current_snapshot()), "id", edition_id)
        return {**record, "frozen": False}


@router.get(
    "/editions/{before}/diff/{after}",
    response=EditionDiffOut,
    summary="What changed between two editions",
)
def diff_editions(request: HttpRequest, before: str, after: str) -> dict[str, Any]:
    """Statuses that rose or fell, measures added, changed (field by field) or retracted, each
    with the reasons the revision log gives."""
    try:
        return frozen.diff_between(before, after).as_dict()
    except frozen.NoEdition as exc:
        raise NotFound(_("no edition %(id)r") % {"id": str(exc)}) from None
