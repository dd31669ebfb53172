"""`mercwatch serve` as `make run` starts it: gunicorn preloads the app, which warms the caches."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.django_db(transaction=True)  # warm() closes the connection, as before a fork
def test_warm_builds_the_snapshot_once_until_the_data_changes(mini_db):
    from mercwatch.site.warm import warm
    from mercwatch.store.current import current_snapshot
    from mercwatch.store.sync import load
    from mercwatch.tracker.loader.validate import check_dir

    warm()
    warmed = current_snapshot()
    assert current_snapshot() is warmed  # the workers forked from the master share it
    path = mini_db / "measures" / "FR" / "declarations.yaml"
    path.write_text(path.read_text().replace("A call for a moratorium", "A moratorium call"))
    load(check_dir(mini_db).snapshot, reason="test")
    fresh = current_snapshot()
    assert fresh is not warmed
    assert fresh.measures["fr-call"].title == "A moratorium call"


@contextlib.contextmanager
def serving(
    mini_dir: Path,
    tmp_path: Path,
    workers: int = 1,
    serve_only: dict[str, str] | None = None,
    **extra: str,
) -> Iterator[tuple[int, list[str]]]:
    """Run `mercwatch serve` (one worker unless told) on the mini data; give its port once it
    answers, and a list that holds the server's output once it has stopped. `serve_only` is
    the environment of the server alone, not of the migrate and load before it."""
    output: list[str] = []
    env = {
        **os.environ,
        **extra,
        "MERCWATCH_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "MERCWATCH_VAR_DIR": str(tmp_path),
    }
    for args in (["migrate", "-v0"], ["load", str(mini_dir)]):
        subprocess.run([sys.executable, "-m", "mercwatch.cli", *args], env=env, check=True,
                       capture_output=True, timeout=120)  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mercwatch.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env={**env, **(serve_only or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _attempt in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/methodology/", timeout=5):
                    break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.5)
        yield port, output
    finally:
        server.terminate()
        output.append(server.communicate(timeout=30)[0].decode())


def test_serve_answers_from_a_preloaded_warm_app(mini_dir: Path, tmp_path: Path) -> None:
    with (
        serving(mini_dir, tmp_path) as (port, output),
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response,
    ):
        body = response.read().decode()
    assert "United States" in body, output


def test_a_worker_is_recycled_after_the_configured_number_of_requests(
    mini_dir: Path, tmp_path: Path
) -> None:
    with serving(mini_dir, tmp_path, MERCWATCH_MAX_REQUESTS="3") as (port, output):
        for _ in range(10):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/methodology/", timeout=10) as r:
                assert r.status == 200
    assert output[0].count("Autorestarting worker after current request") >= 2, output[0]


def test_serve_serves_a_read_only_database(mini_dir: Path, tmp_path: Path) -> None:
    read_only = {"MERCWATCH_DB_READ_ONLY": "1"}
    with serving(mini_dir, tmp_path, serve_only=read_only) as (port, output):
        for path in ("/", "/governments/US/", "/search/?q=pegasus", "/api/v1/actors/US"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                assert r.status == 200, (path, output)
