"""The scorecard's columns are the provisions the methodology assesses governments on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.datasets import load

pytestmark = pytest.mark.django_db


def headers(html: str) -> list[str]:
    table = html[html.index('<table class="scorecard"') : html.index("</thead>")]
    return re.findall(r'href="[^"]*sort=(blueprint%2F[0-9]+)', table)


def test_the_bundled_methodology_gives_the_seven_government_recommendations(client, mini_db):
    html = client.get("/").content.decode()
    assert headers(html) == [f"blueprint%2F{n}" for n in range(1, 8)]


def test_a_methodology_scope_of_fewer_provisions_gives_fewer_columns(client, mini_dir: Path):
    path = next((mini_dir / "methodology").glob("*.yaml"))
    text = path.read_text(encoding="utf-8")
    government_scope = "  - blueprint/6\n  - blueprint/7\n  actor_kinds:\n  - country\n"
    assert government_scope in text
    path.write_text(
        text.replace(government_scope, "  - blueprint/6\n  actor_kinds:\n  - country\n"),
        encoding="utf-8",
    )
    load(mini_dir)
    html = client.get("/").content.decode()
    assert headers(html) == [f"blueprint%2F{n}" for n in range(1, 7)]
    assert client.get("/?sort=blueprint/7").status_code == 400
    assert client.get("/?map=blueprint/7").status_code == 400
    assert client.get("/?sort=blueprint/6").status_code == 200
