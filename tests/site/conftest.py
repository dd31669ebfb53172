from __future__ import annotations

import pytest

from mercwatch.store.sync import load
from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.services.synthetic import synthesize


@pytest.fixture
def mini_db(mini_dir, django_db_blocker):
    """The mini dataset, loaded into the test database."""
    with django_db_blocker.unblock():
        data = check_dir(mini_dir)
        assert data.errors == []
        load(data.snapshot, reason="test")
    return mini_dir


@pytest.fixture
def bundled_db(bundled_dir, django_db_blocker):
    """The bundled dataset (data/), loaded into the test database."""
    with django_db_blocker.unblock():
        data = check_dir(bundled_dir)
        assert data.errors == []
        load(data.snapshot, reason="test")
    return bundled_dir


@pytest.fixture
def busy_db(mini_dir, tmp_path, django_db_blocker):
    """The mini dataset with every government's measures copied 60 times."""
    out = tmp_path / "busy"
    synthesize(mini_dir, out, 60)
    with django_db_blocker.unblock():
        data = check_dir(out)
        assert data.errors == []
        load(data.snapshot, reason="test")
    return out
