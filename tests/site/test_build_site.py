"""The static export: every page, twin and feed written, and no broken internal link."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.core.management import call_command

from mercwatch.site.export import file_for, internal_paths

pytestmark = pytest.mark.django_db


def test_build_site_writes_pages_twins_feeds_and_assets_with_no_broken_link(mini_db, tmp_path):
    out = tmp_path / "site"
    call_command("build_site", str(out))
    assert (out / "index.html").exists()
    assert json.loads((out / "index.json").read_text())["rows"]
    assert (out / "governments" / "US" / "index.html").exists()
    assert json.loads((out / "governments" / "US.json").read_text())["actor"]["id"] == "US"
    ElementTree.parse(out / "changes" / "feed.atom")
    assert list((out / "static" / "site").glob("site*.css"))
    broken = []
    pages = list(out.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        url = "/" + str(page.relative_to(out)).removesuffix("index.html")
        for path in internal_paths(url, page.read_text()):
            if not file_for(out, path).exists():
                broken.append(f"{url} → {path}")
    assert broken == []


def test_file_for_maps_pages_to_index_files_and_twins_to_json_files():
    out = Path("/out")
    assert file_for(out, "/") == out / "index.html"
    assert file_for(out, "/governments/US/") == out / "governments/US/index.html"
    assert file_for(out, "/governments/US.json") == out / "governments/US.json"


def test_internal_paths_keep_only_this_sites_paths():
    html = '<a href="/a/?x=1">a</a><a href="https://example.org/">b</a><a href="#top">c</a>'
    assert internal_paths("/page/", html) == ["/a/", "/page/"]
