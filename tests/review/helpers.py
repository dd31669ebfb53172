"""People of each role and a proposal the mini dataset takes, for the review tests."""

from __future__ import annotations

import copy
from typing import Any

from mercwatch.accounts.roles import give_role
from mercwatch.review.services import Draft

NEW_MEASURE: dict[str, Any] = {
    "sources": [
        {
            "group": "submitted",
            "id": "src-submitted-report",
            "url": "https://research.example/report",
            "kind": "secondary",
            "title": "A research report",
            "published": "2025-02-03",
        }
    ],
    "measures": [
        {
            "actor": "FR",
            "family": "submitted",
            "id": "fr-submitted-pledge",
            "type": "declaration",
            "title": "France pledges spyware export restraint",
            "summary": "A pledge to restrain exports of intrusion software.",
            "date": "2025-02",
            "sources": ["src-submitted-report"],
        }
    ],
}


def proposal() -> dict[str, Any]:
    return copy.deepcopy(NEW_MEASURE)


def draft(**changes: Any) -> Draft:
    values: dict[str, Any] = {
        "kind": "new-measure",
        "title": "France's export pledge",
        "statement": "The report quotes the pledge in full.",
        "proposal": proposal(),
        "contact": "researcher@private.example",
    }
    values.update(changes)
    return Draft(**values)


def person(django_user_model: Any, name: str, role: str | None) -> Any:
    user = django_user_model.objects.create_user(name, email=f"{name}@example.org")
    if role is not None:
        give_role(user, role)
    return type(user).objects.get(pk=user.pk)  # fresh: no permission cache
