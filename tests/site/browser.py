"""Helpers for the browser tests: Debian's chromium, axe-core injected from tests/vendor."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js"


def serious_violations(page: Any) -> list[str]:
    """Give axe-core's serious and critical violations on the page, one line each."""
    # Evaluated through the driver, not as a <script> tag: the site's CSP refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def overflows(page: Any) -> bool:
    """Tell whether the page scrolls sideways (outside the scroll containers of wide tables)."""
    return bool(
        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    )


def watch_csp(page: Any) -> list[str]:
    """Give the list that every Content-Security-Policy violation on `page` is added to (its
    directive and what it blocked), from the browser's own `securitypolicyviolation` events."""
    reports: list[str] = []
    page.on("console", lambda m: reports.append(m.text) if m.text.startswith("CSP ") else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e =>"
        " console.log('CSP ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return reports
