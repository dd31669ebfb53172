"""The values a filter may name: the records the data holds for it (one rule for every filter).

A filter naming a framework, provision, actor, edition… that the data does not hold is a 404
`unknown-value` problem naming the parameter, never an empty list that reads as "none found".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import BaseModel

from mercwatch.api.services import BadParameter, memo
from mercwatch.store.current import current_snapshot
from mercwatch.tracker.snapshot import Snapshot

Values = Callable[[Snapshot], frozenset[str]]


def _frameworks(data: Snapshot) -> frozenset[str]:
    return frozenset(data.frameworks)


def _provisions(data: Snapshot) -> frozenset[str]:
    return frozenset(data.provisions)


def _actors(data: Snapshot) -> frozenset[str]:
    return frozenset(data.actors)


def _countries(data: Snapshot) -> frozenset[str]:
    based = {a.country for a in data.actors.values() if a.country}
    return frozenset(based | {a.id for a in data.actors.values() if a.kind == "country"})


def _roles(data: Snapshot) -> frozenset[str]:
    return frozenset(m.role for members in data.memberships.values() for m in members)


def _groups(data: Snapshot) -> frozenset[str]:
    return frozenset(s.group for s in data.sources.values())


def _methodologies(data: Snapshot) -> frozenset[str]:
    return frozenset(data.methodologies)


def _editions(data: Snapshot) -> frozenset[str]:
    return frozenset(e.id for e in data.editions)


# parameter → (what its value names, where the list of them is, the values the data holds)
FILTERS: dict[str, tuple[str | Promise, str, Values]] = {
    "framework": (gettext_lazy("framework"), "frameworks", _frameworks),
    "membership": (gettext_lazy("framework"), "frameworks", _frameworks),
    "parent": (gettext_lazy("provision"), "provisions", _provisions),
    "provision": (gettext_lazy("provision"), "provisions", _provisions),
    "actor": (gettext_lazy("actor"), "actors", _actors),
    "subject": (gettext_lazy("actor"), "actors", _actors),
    "object": (gettext_lazy("actor"), "actors", _actors),
    "target": (gettext_lazy("actor"), "actors", _actors),
    "country": (gettext_lazy("country"), "actors?kind=country", _countries),
    "role": (gettext_lazy("membership role"), "memberships", _roles),
    "group": (gettext_lazy("source group"), "sources", _groups),
    "methodology": (gettext_lazy("methodology version"), "", _methodologies),
    "from_edition": (gettext_lazy("edition"), "editions", _editions),
    "to_edition": (gettext_lazy("edition"), "editions", _editions),
}


def check(data: Snapshot, params: BaseModel) -> None:
    """Raise BadParameter for the first filter in `params` naming what `data` does not hold."""
    for name, value in params.model_dump().items():
        if name not in FILTERS or value is None:
            continue
        noun, collection, values = FILTERS[name]
        if value not in memo(data, ("known", name), partial(values, data)):
            detail = _("no {noun} {value!r}").format(noun=noun, value=value)
            if collection:
                detail += " " + _("(see /api/v1/{collection})").format(collection=collection)
            raise BadParameter(name, detail)


def dataset_for(params: BaseModel) -> Snapshot:
    """Give the current dataset, once every filter in `params` names something it holds."""
    data = current_snapshot()
    check(data, params)
    return data
