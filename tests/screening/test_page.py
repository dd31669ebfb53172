"""The /screen/ page without a browser: a name, a list, bad lists, the CSV, the CSRF check."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

pytestmark = pytest.mark.django_db
URL = "/screen/"


def _upload(client, body: bytes, **fields):
    upload = SimpleUploadedFile("names.csv", body, content_type="text/csv")
    return client.post(URL, {"file": upload, **fields})


def test_the_form_is_shown(client, bundled_db):
    page = client.get(URL)
    assert page.status_code == 200
    assert b'enctype="multipart/form-data"' in page.content


def test_a_name_is_screened_on_the_page(client, bundled_db):
    page = client.post(URL, {"name": "Q Cyber Technologies Ltd"}).content.decode()
    text = re.sub(r"<[^>]+>", " ", page)  # what a reader reads: links' addresses left out
    assert "Q Cyber Technologies" in page
    assert (
        "the parent company of NSO Group, designated by United States since 4 November 2021" in page
    )
    assert "affiliated with a designated entity" in page
    assert "q-cyber-technologies" not in text  # names, not IDs
    assert "methodology mercwatch-screening-1" in page


def test_a_name_by_get(client, bundled_db):
    page = client.get(URL, {"name": "Sandvine", "as_of": "2024-06-01"}).content.decode()
    assert "designated by United States from 27 February 2024 to 23 October 2024" in page


def test_a_list_is_screened_and_given_as_csv(client, bundled_db):
    body = b"name,id,country\nCandiru Ltd,a1,Israel\nSandvik,a2,\n"
    response = _upload(client, body, format="csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["id"], r["actor"], r["designated"]) for r in rows] == [
        ("a1", "candiru", "yes"),
        ("a2", "", ""),
    ]
    assert rows[0]["methodology"] == "mercwatch-screening-1"
    assert "country agrees: Israel" in rows[0]["reasons"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "line 1: the file is empty"),
        (b"company\nNSO Group\n", "line 1: no name column"),
        ("name\nNSO Group\nSoci\u00e9t\u00e9\n".encode("latin-1"), "line 3: not UTF-8 text"),
        (b"name\nNSO Group\n=cmd|' /C calc'!A0\n", "line 3: name: the cell starts with '='"),
        (b"name\nNSO\n+1\n", "line 3: name: the cell starts with '+'"),
        (b"name\n@SUM(A1)\n", "line 2: name: the cell starts with '@'"),
    ],
)
def test_a_bad_list_is_refused_naming_the_line(client, bundled_db, body, words):
    response = _upload(client, body)
    assert response.status_code == 400
    assert words in html.unescape(response.content.decode())
    assert "Results" not in response.content.decode()


def test_a_list_over_the_row_limit_is_refused(client, bundled_db, settings):
    settings.SCREEN_MAX_ROWS = 3
    response = _upload(client, b"name\na\nb\nc\nd\n")
    assert response.status_code == 400
    assert "line 5: more than 3 names; split the list" in response.content.decode()


def test_an_upload_over_the_size_limit_is_refused(client, bundled_db, settings):
    settings.SCREEN_MAX_BYTES = 100
    response = _upload(client, b"name\n" + b"NSO Group\n" * 30)
    assert response.status_code == 400
    assert "line 1: the file is 305 bytes; at most 100 are screened" in response.content.decode()
    settings.SCREEN_MAX_BYTES = 0  # and a body far over the limit is not even read
    response = _upload(client, b"name\n" + b"NSO Group\n" * 10_000)
    assert response.status_code == 413
    assert "the upload is larger than 0 bytes" in response.content.decode()


def test_the_form_needs_its_csrf_token(bundled_db):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"name": "NSO Group"}).status_code == 403
    page = strict.get(URL)
    token = page.cookies["csrftoken"].value
    answered = strict.post(URL, {"name": "NSO Group", "csrfmiddlewaretoken": token})
    assert answered.status_code == 200
