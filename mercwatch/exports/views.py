"""The Downloads page: each edition's exports with size and SHA-256, served by mercwatch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from mercwatch.exports.codebook import FILENAME, levels, markdown, tables
from mercwatch.exports.licence import LICENCE_TITLE, LICENCE_URL
from mercwatch.exports.registry import exporters
from mercwatch.exports.schema import export_schema
from mercwatch.exports.services import Download, read_downloads
from mercwatch.store.current import current_snapshot, methodology
from mercwatch.tracker.snapshot import Edition


def downloads_root() -> Path:
    return Path(settings.VAR_DIR) / "downloads"


def _editions() -> list[tuple[Edition, list[Download]]]:
    data = current_snapshot()
    ordered = sorted(data.editions, key=lambda e: (e.as_of, e.id), reverse=True)
    return [(e, read_downloads(downloads_root(), e.id)) for e in ordered]


def _titled(files: list[Download]) -> list[Download]:
    """Give the files with their formats' titles in the reader's language (a manifest holds the
    titles of the language it was built in)."""
    known = exporters()
    return [replace(f, title=str(known[f.format].title)) if f.format in known else f for f in files]


def downloads(request: HttpRequest) -> HttpResponse:
    """List every edition's export files."""
    context = {
        "editions": [(e, _titled(files)) for e, files in _editions()],
        "licence_title": LICENCE_TITLE,
        "licence_url": LICENCE_URL,
        "json_url": reverse("exports:downloads-json"),
    }
    return render(request, "exports/downloads.html", context)


def codebook(request: HttpRequest) -> HttpResponse:
    """The codebook: every exported table and column, from the export schema."""
    method = methodology(current_snapshot())
    context = {
        "tables": tables(export_schema()),
        "levels": levels(method),
        "methodology": method,
        "json_url": static("exports/export.schema.json"),
    }
    return render(request, "exports/codebook.html", context)


def codebook_file(request: HttpRequest) -> HttpResponse:
    """The codebook as the Markdown file shipped in every archive."""
    text = markdown(export_schema(), methodology(current_snapshot()))
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{FILENAME}"'
    return response


def _file_url(edition: str, filename: str) -> str:
    return reverse("exports:download", kwargs={"edition": edition, "filename": filename})


def downloads_json(request: HttpRequest) -> JsonResponse:
    """The Downloads page as JSON: editions and their files with size and SHA-256."""
    items = [
        {
            "edition": e.id,
            "files": [{**d.__dict__, "url": _file_url(e.id, d.filename)} for d in files],
        }
        for e, files in _editions()
    ]
    return JsonResponse({"licence": LICENCE_URL, "editions": items})


# A download may be rebuilt (`mercwatch export downloads` after a correction), so caches keep it
# an hour, then ask again with its ETag (its SHA-256) or its date, and get a 304 if unchanged.
DOWNLOAD_MAX_AGE = 3600


def download(request: HttpRequest, edition: str, filename: str) -> HttpResponseBase:
    """Give one built file, named in its edition's manifest (nothing else is served), with
    Cache-Control, ETag and Last-Modified; a 304 when the client holds it already."""
    for item in read_downloads(downloads_root(), edition):
        if item.filename == filename:
            path = downloads_root() / edition / filename
            etag, modified = f'"{item.sha256}"', int(path.stat().st_mtime)
            held = get_conditional_response(request, etag=etag, last_modified=modified)
            response: HttpResponseBase
            if held is not None:
                response = held
            else:
                response = FileResponse(path.open("rb"), as_attachment=True, filename=filename)
                response["Content-Type"] = item.media_type
            response["ETag"] = etag
            response["Last-Modified"] = http_date(modified)
            patch_cache_control(response, public=True, max_age=DOWNLOAD_MAX_AGE)
            return response
    raise Http404("no such download")
