"""The static export: crawl the public site from `/` and write every page, twin, feed and asset."""

from __future__ import annotations

import re
import shutil
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

LINK = re.compile(r"""(?:href|src)="([^"]+)\"""")


def seeds() -> tuple[str, ...]:
    """Give where the crawl starts: the scorecard, the feed of every change, the search."""
    return (
        reverse("site:home"),
        reverse("site:changes-feed"),
        reverse("site:search", kwargs={"fmt": "/"}),
    )


@dataclass
class Export:
    pages: int = 0
    assets: int = 0
    errors: list[str] = field(default_factory=list)


def file_for(out: Path, path: str) -> Path:
    """Give where a URL path is written: `/x/` → `x/index.html`, `/x.json` → `x.json`."""
    relative = path.lstrip("/")
    if not relative or relative.endswith("/"):
        return out / relative / "index.html"
    return out / relative


def internal_paths(base: str, html: str) -> list[str]:
    """Give the site-internal paths an HTML page links to (query strings and fragments dropped).

    The JSON API and its pages (`/api/`) are live only: a static host cannot answer them."""
    found = []
    for href in LINK.findall(html):
        url = urlsplit(urljoin(base, href.replace("&amp;", "&")))
        local = url.scheme in {"", "http", "https"} and not url.netloc
        if local and url.path.startswith("/") and not url.path.startswith("/api/"):
            found.append(url.path)
    return found


def _copy_asset(out: Path, path: str) -> bool:
    relative = path.removeprefix(settings.STATIC_URL)
    source = finders.find(relative)
    if source is None:
        candidate = Path(settings.STATIC_ROOT) / relative
        source = str(candidate) if candidate.exists() else None
    if source is None:
        return False
    target = out / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(str(source), target)
    return True


def build(out: Path, *, progress: Callable[[str], None] | None = None) -> Export:
    """Write the whole public site under `out`, following every internal link from the seeds."""
    host = next((h for h in settings.ALLOWED_HOSTS if h and h != "*"), "localhost")
    client = Client(HTTP_HOST=host)
    result = Export()
    seen: set[str] = set()
    queue = deque(seeds())
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        if path.startswith(settings.STATIC_URL):
            if _copy_asset(out, path):
                result.assets += 1
            else:
                result.errors.append(f"{path}: no such static file")
            continue
        response = client.get(path)
        if response.status_code != 200:
            result.errors.append(f"{path}: HTTP {response.status_code}")
            continue
        target = file_for(out, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.content)
        result.pages += 1
        if progress is not None and result.pages % 100 == 0:
            progress(f"{result.pages} pages")
        if response.headers.get("Content-Type", "").startswith("text/html"):
            queue.extend(
                p for p in internal_paths(path, response.content.decode()) if p not in seen
            )
    return result
