"""Take the README's screenshots of a running site with Debian's chromium (Playwright).

python scripts/site-screenshots.py http://127.0.0.1:8801 docs/screenshots [PATH ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PAGES = {"scorecard": "/?as_of=2026-11-01", "government": "/governments/US/?as_of=2026-11-01"}
# Pages shown from an element down (the scorecard table sits below the filters and the map).
FROM = {"scorecard-table": ("/?as_of=2026-11-01", "#card-h")}


def main(base: str, out: str, extra: list[str]) -> None:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    pages = dict(PAGES)
    for path in extra:
        pages[path.strip("/").replace("/", "-").replace("?", "-") or "home"] = path
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width in (1280, 375):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in pages.items():
                page.goto(base + path)
                page.screenshot(path=str(target / f"{name}-{width}.png"))
            for name, (path, selector) in FROM.items():
                page.goto(base + path)
                page.locator(selector).scroll_into_view_if_needed()
                page.evaluate(f"document.querySelector('{selector}').scrollIntoView()")
                page.screenshot(path=str(target / f"{name}-{width}.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
