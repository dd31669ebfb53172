"""The Downloads page: each edition's files with size and SHA-256, served by mercwatch."""

from __future__ import annotations

import hashlib

import pytest
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_downloads_lists_each_edition_with_sizes_and_hashes_it_serves(market_db, tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        call_command("export", "downloads")
        client = Client(HTTP_HOST="127.0.0.1")
        page = client.get("/downloads/")
        index = client.get("/downloads/index.json").json()
        assert page.status_code == 200
        html = page.content.decode()
        (edition,) = index["editions"]
        assert edition["edition"] == "2022-01"
        assert len(edition["files"]) == 8
        for item in edition["files"]:
            assert item["sha256"] in html
            assert f">{filesizeformat(item['size'])}<" in html  # KB or MB, not bytes
            assert f">{item['size']}<" not in html
            response = client.get(item["url"])
            content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
            assert hashlib.sha256(content).hexdigest() == item["sha256"]
            assert len(content) == item["size"]
        assert "CC BY 4.0" in html


def test_downloads_says_when_an_edition_is_not_built_yet(market_db, tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        html = Client(HTTP_HOST="127.0.0.1").get("/downloads/").content.decode()
    assert "mercwatch export downloads" in html


def test_only_files_in_the_manifest_are_served(market_db, tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        call_command("export", "downloads")
        client = Client(HTTP_HOST="127.0.0.1")
        assert client.get("/downloads/2022-01/manifest.json").status_code == 404
        assert client.get("/downloads/2022-01/..%2Fsecret").status_code == 404


def test_downloads_links_the_codebook_as_a_page_and_as_a_file(market_db, tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        client = Client(HTTP_HOST="127.0.0.1")
        html = client.get("/downloads/").content.decode()
        page = client.get("/downloads/codebook/")
        text = client.get("/downloads/codebook.md")
    assert 'href="/downloads/codebook/"' in html
    assert 'href="/downloads/codebook.md"' in html
    assert page.status_code == 200
    assert "date_precision" in page.content.decode()
    assert text["Content-Type"] == "text/markdown; charset=utf-8"
    assert text.content.decode().startswith("# mercwatch codebook")


def test_a_download_is_cacheable_and_revalidated_by_its_hash_or_date(market_db, tmp_path):
    with override_settings(VAR_DIR=tmp_path):
        call_command("export", "downloads")
        client = Client(HTTP_HOST="127.0.0.1")
        (edition,) = client.get("/downloads/index.json").json()["editions"]
        url = edition["files"][0]["url"]
        first = client.get(url)
        assert first.status_code == 200
        assert first["Cache-Control"] == "public, max-age=3600"
        assert first["ETag"] == f'"{edition["files"][0]["sha256"]}"'
        held = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        dated = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        for again in (held, dated):
            assert again.status_code == 304
            assert again.content == b""
            assert again["Cache-Control"] == "public, max-age=3600"
        changed = client.get(url, HTTP_IF_NONE_MATCH='"another"')
        assert changed.status_code == 200
