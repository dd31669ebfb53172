from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tests.review.helpers import person


@pytest.fixture
def people(db: Any, django_user_model: Any) -> SimpleNamespace:
    """One user of each role, and a second reviewer."""
    return SimpleNamespace(
        contributor=person(django_user_model, "carla", "contributor"),
        editor=person(django_user_model, "edith", "editor"),
        reviewer=person(django_user_model, "rita", "reviewer"),
        reviewer2=person(django_user_model, "rolf", "reviewer"),
        nobody=person(django_user_model, "nadia", None),
    )
