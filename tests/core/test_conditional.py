"""One conditional GET for the site and the API: the same validators, the same 304s, and the
answers kept within their budget."""

from __future__ import annotations

import pytest
from django.http import HttpResponse

from mercwatch.store.conditional import Answers
from tests.api.conftest import api  # noqa: F401  (shared fixtures)
from tests.exports.conftest import market_db, market_dir  # noqa: F401  (shared fixtures)


def page(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="text/plain")
    response["ETag"] = '"x"'
    response.set_cookie("session", "secret")
    return response


def test_kept_answers_are_copies_without_cookies():
    answers = Answers(entries=2)
    kept = page(b"one")
    answers.keep("a", kept)
    kept.content = b""  # a HEAD answer emptied after it was kept
    again = answers.recall("a")
    assert again is not None
    assert (again.content, again["ETag"], again["Content-Type"]) == (b"one", '"x"', "text/plain")
    assert "session" not in again.cookies
    assert answers.recall("b") is None


def test_the_least_recently_used_answer_goes_first_past_either_budget():
    by_count = Answers(entries=2)
    for key in ("a", "b"):
        by_count.keep(key, page(key.encode()))
    by_count.recall("a")
    by_count.keep("c", page(b"c"))
    assert [k for k in "abc" if by_count.recall(k)] == ["a", "c"]
    by_size = Answers(size=10)
    by_size.keep("a", page(b"x" * 6))
    by_size.keep("b", page(b"y" * 6))
    assert (by_size.recall("a"), by_size.recall("b") is not None) == (None, True)
    off = Answers(entries=0)
    off.keep("a", page(b"a"))
    assert off.recall("a") is None


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/editions", "/governments/US/", "/changes/feed.atom"])
def test_the_site_and_the_api_answer_304_by_etag_or_date_with_their_validators(
    api,  # noqa: F811
    path,
):
    first = api.get(path)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=60"
    for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_MODIFIED_SINCE": modified}):
        again = api.get(path, **headers)
        assert again.status_code == 304
        assert again.content == b""
        assert (again["ETag"], again["Last-Modified"]) == (etag, modified)
    assert api.get(path, HTTP_IF_NONE_MATCH='"other"').status_code == 200
