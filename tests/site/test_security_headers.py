"""Strict headers on every response: a Content-Security-Policy, and HSTS behind HTTPS."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.site.browser import watch_csp
from tests.site.test_browser import PAGE_TYPES

API_PAGES = {"API docs": "/api/v1/docs/", "API document": "/api/v1/openapi.json"}


def directives(header: str) -> dict[str, list[str]]:
    parts = (p.strip().split() for p in header.split(";") if p.strip())
    return {p[0]: p[1:] for p in parts}


@pytest.mark.django_db
def test_every_page_type_sends_a_csp_without_inline_scripts_that_forbids_framing(
    client, bundled_db
):
    for name, path in {**PAGE_TYPES, **API_PAGES}.items():
        response = client.get(path)
        assert response.status_code == 200, name
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], name
        assert policy["frame-ancestors"] == ["'none'"], name
        assert policy["default-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"], name
        assert response.headers["X-Frame-Options"] == "DENY", name


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_api_docs_report_no_csp_violation_and_a_violation_is_heard(
    live_server, mini_db, browser
):
    """Every page opened with the `page` fixture fails its test on a CSP report (tests/conftest.py),
    so the walks over every page type (tests/site/test_browser.py) check them all; here the API
    docs, whose page runs the one script of the site, and the listener itself."""
    page = browser.new_page()
    reports = watch_csp(page)
    page.goto(live_server.url + "/api/v1/docs/")
    page.wait_for_load_state("networkidle")
    assert reports == []
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected") is None
    assert any("script-src" in r for r in reports)


def _production(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"MERCWATCH_ENV", "DATABASE_URL"}}
    return {**env, "SECRET_KEY": "s" * 20 + "-not-a-real-key-" + "k" * 30, **extra}


def test_systemcheck_deploy_is_clean_behind_https_in_production(tmp_path):
    env = _production(MERCWATCH_HTTPS="1", MERCWATCH_VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "mercwatch.cli", "systemcheck", "--deploy", "--fail-level", "INFO"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PROBE = textwrap.dedent(
    """
    import django, json
    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    setup_test_environment()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    plain = Client().get("/methodology/")
    proxied = Client().get("/api/v1/openapi.json", headers={"x-forwarded-proto": "https"})
    print(json.dumps({
        "plain": [plain.status_code, plain.headers.get("Location", "")],
        "proxied": proxied.status_code,
        "hsts": proxied.headers.get("Strict-Transport-Security", ""),
        "cookie_secure": __import__("django.conf").conf.settings.SESSION_COOKIE_SECURE,
    }))
    """
)


def test_behind_https_plain_http_redirects_and_proxied_https_gets_hsts(tmp_path):
    import json

    env = _production(
        MERCWATCH_HTTPS="1", MERCWATCH_VAR_DIR=str(tmp_path), ALLOWED_HOSTS="testserver"
    )
    env["DJANGO_SETTINGS_MODULE"] = "mercwatch.settings"
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain"] == [301, "https://testserver/methodology/"]
    assert seen["proxied"] == 200
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["cookie_secure"] is True
