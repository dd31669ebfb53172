"""An explanation names the confidence grade and an overridden level as the methodology names
them, never by their codes."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_the_confidence_grade_is_named_by_its_label(mini_db):
    text = _text(Client().get("/governments/US/").content.decode())
    grades = set(re.findall(r"Confidence: (\w+)\.", text))
    assert grades, "no confidence shown"
    assert grades <= {"High", "Medium", "Low"}, grades


def test_an_editors_override_names_the_level_the_rules_give_by_its_label(mini_db):
    text = _text(Client().get("/governments/DE/").content.decode())
    found = re.search(
        r"Set by the editors: An editor's test override\. \(the rules alone give ([^)]+)\)", text
    )
    assert found, "the override is not explained"
    given = found.group(1)
    assert given[0].isupper(), given  # "Not assessed", not "not-assessed"
    assert "-" not in given, given
