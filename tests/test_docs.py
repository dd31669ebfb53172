"""Docs that must stay true to the code: settings, methodology levels, CLI commands."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from mercwatch.tracker.loader.validate import check_dir

ROOT = Path(settings.BASE_DIR)


def test_every_setting_read_from_the_environment_is_documented():
    source = (ROOT / "mercwatch" / "settings.py").read_text()
    names = set(re.findall(r'_env(?:_bool)?\(\s*"([A-Z_]+)"', source))
    assert names >= {"SECRET_KEY", "DATABASE_URL"}
    documented = set(
        re.findall(r"^\| `([A-Z_]+)` \|", (ROOT / "docs" / "settings.md").read_text(), re.M)
    )
    assert names == documented


def test_every_level_and_rule_of_every_methodology_is_documented():
    data = check_dir(ROOT / "data").snapshot
    text = (ROOT / "docs" / "methodology.md").read_text()
    for method in (m.rules for m in data.methodologies.values()):
        for level in method.levels:
            assert f"`{level.code}`" in text, level.code
            assert level.label in text, level.label
        for rule in method.rules:
            assert f"`{rule.code}`" in text, rule.code
        for grade in method.confidence:
            assert f"`{grade.code}`" in text, grade.code


def test_every_data_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for command in ("check", "load", "dump", "score", "explain", "serve"):
        assert f"mercwatch {command}" in readme, command
    assert "make run" in readme
    assert "make test" in readme
