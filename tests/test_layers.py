"""The layers hold: the import contracts in pyproject.toml pass, and catch a wrong import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).parent / "lint-imports"


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip


def test_the_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "BROKEN" not in result.stdout


def test_a_planted_wrong_import_breaks_its_contract(tmp_path):
    skip = shutil.ignore_patterns("__pycache__", "static", "templates")
    shutil.copytree(ROOT / "mercwatch", tmp_path / "mercwatch", ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    engine = tmp_path / "mercwatch" / "tracker" / "derive.py"
    engine.write_text(engine.read_text() + "\nfrom mercwatch.tracker.models import Actor  # noqa\n")
    exports = tmp_path / "mercwatch" / "exports" / "bundle.py"
    exports.write_text(exports.read_text() + "\nimport mercwatch.site.views  # noqa\n")
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "mercwatch.tracker.derive -> mercwatch.tracker.models" in result.stdout
    assert "mercwatch.exports.bundle -> mercwatch.site.views" in result.stdout
