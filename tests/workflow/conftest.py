"""Editions frozen from the mini dataset, and a reviewer who may freeze them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import Permission

from mercwatch.workflow import editions, gate
from mercwatch.workflow.models import FrozenEdition

DAY = dt.date(2026, 1, 15)


@pytest.fixture
def reviewer(django_user_model: Any) -> Any:
    """A staff user with the permission to freeze and publish editions."""
    user = django_user_model.objects.create_user("reviewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="freeze_edition"))
    return user


@pytest.fixture
def first(mini_db: Any, reviewer: Any) -> FrozenEdition:
    """The mini dataset frozen and published as an edition of DAY."""
    edition = editions.freeze(title="January 2026", notes="The first.", day=DAY, user=reviewer)
    return gate.publish(edition, user=reviewer)


@pytest.fixture(autouse=True)
def _fresh_caches() -> Any:
    """Each test reads its own editions: what a process keeps of them (by identifier) is
    forgotten, as the test database forgets them."""
    from mercwatch.workflow import services

    services._bundle.cache_clear()
    services._diff.cache_clear()
    yield
    services._bundle.cache_clear()
    services._diff.cache_clear()
