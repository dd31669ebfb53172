"""The site as it is deployed: `mercwatch serve` on a free port, and nginx in front of it with
deploy/nginx.conf (both unprivileged, on loopback, stopped after the module's tests)."""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.servers import (
    HEADER_TIMEOUT,
    HOST,
    NGINX,
    ROOT,
    Served,
    free_port,
    mercwatch,
    render,
    started,
    stop,
    wait_for,
)
from tests.processes import environment


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, bundled_dir: Path) -> Iterator[Served]:
    """The bundled data served by `mercwatch serve` with production settings."""
    work = tmp_path_factory.mktemp("served")
    env = {
        **environment(),
        "MERCWATCH_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MERCWATCH_VAR_DIR": str(work),
        "ALLOWED_HOSTS": HOST,
        "MERCWATCH_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "MERCWATCH_TRUSTED_PROXIES": HOST,
        "PYTHONPATH": str(ROOT),
    }
    mercwatch("migrate", "-v0", env=env)
    mercwatch("load", str(bundled_dir), env=env)
    mercwatch("collectstatic", "--noinput", "-v0", env=env)
    port = free_port()
    log = work / "serve.log"
    argv = [sys.executable, "-m", "mercwatch.cli", "serve", "--host", HOST, "--port", str(port)]
    process = started(argv, env, log)
    try:
        wait_for(f"http://{HOST}:{port}/", process, log)
        yield Served(port, log)
    finally:
        stop(process)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory, site: Served) -> Iterator[Served]:
    """nginx in front of `site`, configured by deploy/nginx.conf."""
    if NGINX is None:
        pytest.skip("nginx is not installed (Debian: apt-get install -y nginx)")
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    static = site.log.parent / "static"
    (work / "mercwatch.conf").write_text(
        render(
            (ROOT / "deploy" / "nginx.conf").read_text(),
            LISTEN=f"{HOST}:{port}",
            SERVER_NAME=HOST,
            UPSTREAM=f"{HOST}:{site.port}",
            STATIC_ROOT=str(static),
        )
    )
    # What Debian's /etc/nginx/nginx.conf gives around conf.d/, with every path in `work`.
    temp = " ".join(
        f"{kind}_temp_path {work / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""  # root's workers must reach `work` too
    (work / "nginx.conf").write_text(
        f"{user}\ndaemon off;\nworker_processes 1;\npid {work / 'nginx.pid'};\n"
        f"error_log {work / 'error.log'};\nevents {{ worker_connections 512; }}\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log {work / 'access.log'};\n"
        f" {temp}\n include {work / 'mercwatch.conf'};\n}}\n"
    )
    log = work / "error.log"
    argv = [NGINX, "-p", str(work), "-e", str(log), "-c", str(work / "nginx.conf")]
    process = started(argv, None, work / "nginx.out")
    try:
        wait_for(f"http://{HOST}:{port}/", process, log)
        yield Served(port, log)
    finally:
        stop(process)
