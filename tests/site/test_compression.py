"""Pages, JSON twins, the API and feeds go out gzip-compressed to readers that accept it;
conditional GET still answers 304; a response with a CSRF token is never compressed (BREACH)."""

from __future__ import annotations

import gzip

import pytest

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.parametrize(
    "path", ["/", "/governments/US/", "/index.json", "/governments/US.json", "/changes/feed.atom",
             "/api/v1/openapi.json", "/no-such-page/"],
)  # fmt: skip
def test_a_reader_that_accepts_gzip_gets_the_same_body_compressed(client, mini_db, path):
    plain = client.get(path)
    packed = client.get(path, **GZIP)
    assert packed.status_code == plain.status_code
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content)
    assert gzip.decompress(packed.content) == plain.content
    assert not plain.has_header("Content-Encoding")


def test_the_home_page_is_compressed_to_a_fraction_of_its_size(client, bundled_db):
    plain = client.get("/")
    packed = client.get("/", **GZIP)
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 4


def test_a_compressed_page_still_answers_304_to_its_etag(client, mini_db):
    first = client.get("/governments/US/", **GZIP)
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')  # weak: the same page, another encoding
    again = client.get("/governments/US/", HTTP_IF_NONE_MATCH=first["ETag"], **GZIP)
    assert again.status_code == 304
    plain = client.get("/governments/US/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert plain.status_code == 304
    api = client.get("/api/v1/actors", **GZIP)
    assert api["Content-Encoding"] == "gzip"
    assert client.get("/api/v1/actors", HTTP_IF_NONE_MATCH=api["ETag"], **GZIP).status_code == 304


def test_a_response_that_carries_a_csrf_token_is_not_compressed(client, mini_db):
    login = client.get("/admin/login/", **GZIP)
    assert login.status_code == 200
    assert "csrfmiddlewaretoken" in login.content.decode()
    assert not login.has_header("Content-Encoding")
