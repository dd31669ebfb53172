"""Shared fixtures: the bundled data directory, a tiny named dataset built on its frameworks and
a busy one made from it, each also loaded into the test database; and the browser."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from mercwatch.tracker.loader.validate import check_dir
from mercwatch.tracker.snapshot import Snapshot
from tests.datasets import loaded

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """Under xdist (`-n 2`) with no `--dist` given, split the tests in halves and let a worker
    that is done take tests from the other's queue (`--dist worksteal`).

    pytest-django runs the transactional tests (the browser's, about half the time of the
    suite) after the others, in one run; xdist's default chunks, up to a quarter of the suite
    each, give most of that run to one worker, which the other then waits for."""
    given = any(a.startswith(("--dist", "-d")) for a in config.invocation_params.args)
    if config.pluginmanager.hasplugin("xdist") and not given and config.getoption("dist") == "load":
        config.option.dist = "worksteal"


@pytest.fixture(scope="session")
def bundled_dir() -> Path:
    return Path(settings.BASE_DIR) / "data"


@pytest.fixture(scope="session")
def bundled_data(bundled_dir: Path) -> Snapshot:
    """The snapshot of the bundled data directory, checked once per session (do not change it)."""
    checked = check_dir(bundled_dir)
    assert checked.errors == [], [str(e) for e in checked.errors]
    return checked.snapshot


def copy_mini(root: Path, bundled_dir: Path) -> Path:
    """Make `root` a small valid data directory: the bundled frameworks and methodology, plus
    the test records of fixtures/mini."""
    shutil.copytree(bundled_dir / "frameworks", root / "frameworks")
    shutil.copytree(bundled_dir / "methodology", root / "methodology")
    (root / "sources").mkdir()
    shutil.copy(bundled_dir / "sources" / "frameworks.yaml", root / "sources" / "frameworks.yaml")
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    return root


@pytest.fixture
def mini_dir(tmp_path: Path, bundled_dir: Path) -> Path:
    """The mini data directory, a copy of its own for each test."""
    return copy_mini(tmp_path / "data", bundled_dir)


@pytest.fixture(scope="session")
def busy_dir(tmp_path_factory: pytest.TempPathFactory, bundled_dir: Path) -> Path:
    """The mini dataset with every government's measures copied 60 times (do not change it)."""
    from mercwatch.tracker.services.synthetic import synthesize

    mini = copy_mini(tmp_path_factory.mktemp("mini") / "data", bundled_dir)
    out = tmp_path_factory.mktemp("busy") / "data"
    synthesize(mini, out, 60)
    return out


@pytest.fixture
def mini_db(mini_dir: Path, django_db_blocker: Any) -> Iterator[Path]:
    """The mini dataset, loaded into the test database."""
    yield from loaded(mini_dir, django_db_blocker)


@pytest.fixture
def bundled_db(bundled_dir: Path, django_db_blocker: Any) -> Iterator[Path]:
    """The bundled dataset (data/), loaded into the test database."""
    yield from loaded(bundled_dir, django_db_blocker)


@pytest.fixture
def busy_db(busy_dir: Path, django_db_blocker: Any) -> Iterator[Path]:
    """The busy dataset, loaded into the test database."""
    yield from loaded(busy_dir, django_db_blocker)


@pytest.fixture
def write(mini_dir: Path) -> Callable[[str, str], Path]:
    """Write `text` to `relative` inside the mini data directory."""

    def _write(relative: str, text: str) -> Path:
        path = mini_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def browser() -> Iterator[Any]:
    """Debian's chromium, driven by Playwright, one per test."""
    from playwright.sync_api import sync_playwright

    from tests.site.browser import ARGS, CHROMIUM

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A new page in that browser, at the default viewport; the test fails if the page reports
    a Content-Security-Policy violation, so every page a test opens with it is checked."""
    from tests.site.browser import watch_csp

    opened = browser.new_page()
    reports = watch_csp(opened)
    yield opened
    assert reports == [], f"Content-Security-Policy violations: {reports}"
