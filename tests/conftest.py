"""Shared fixtures: the bundled data directory and a tiny named dataset built on its frameworks."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def bundled_dir() -> Path:
    return Path(settings.BASE_DIR) / "data"


@pytest.fixture
def mini_dir(tmp_path: Path, bundled_dir: Path) -> Path:
    """A small valid data directory: the bundled frameworks and methodology, plus test records."""
    root = tmp_path / "data"
    shutil.copytree(bundled_dir / "frameworks", root / "frameworks")
    shutil.copytree(bundled_dir / "methodology", root / "methodology")
    (root / "sources").mkdir()
    shutil.copy(bundled_dir / "sources" / "frameworks.yaml", root / "sources" / "frameworks.yaml")
    shutil.copytree(FIXTURES / "mini", root, dirs_exist_ok=True)
    return root


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
def page(browser: Any) -> Any:
    """A new page in that browser, at the default viewport."""
    return browser.new_page()
