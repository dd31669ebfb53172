"""`mercwatch serve`: the site, served by the production server (gunicorn).

gunicorn runs the site's ASGI application in its asgi worker (mercwatch/core/worker.py): one
event loop a worker reads every request, so slow clients hold connections, not workers; a
sync worker is stalled by as many slow sockets as there are workers, a gthread worker by as
many as it has threads (docs/deploy.md gives the figures). A request's headers must arrive
within SERVE_HEADER_TIMEOUT seconds, a worker whose loop stops answering for SERVE_TIMEOUT is
replaced, and each worker is replaced after SERVE_MAX_REQUESTS requests.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mercwatch.core.serving import require_ready


class Command(BaseCommand):
    help = "Serve the site with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=settings.SERVE_WORKERS)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            require_ready()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "mercwatch.asgi:application",
            "--worker-class",
            "mercwatch.core.worker.Worker",
            "--bind",
            f"{options['host']}:{options['port']}",
            "--workers",
            str(options["workers"]),
            # Also how long a request body may pause between two pieces (gunicorn's asgi worker).
            "--timeout",
            str(settings.SERVE_TIMEOUT),
            "--keep-alive",
            "5",
            # Recycle a worker after this many requests (with jitter, so not all at once).
            "--max-requests",
            str(settings.SERVE_MAX_REQUESTS),
            "--max-requests-jitter",
            str(max(settings.SERVE_MAX_REQUESTS // 10, 1)),
            "--limit-request-line",
            "4094",
            "--limit-request-fields",
            "50",
            "--access-logfile",
            "-",
            "--preload",  # import once in the master, which warms the caches (site/warm.py)
        ]
        os.environ["MERCWATCH_WARM"] = "1"
        self.stdout.write(f"Serving on http://{options['host']}:{options['port']}/")
        self.stdout.flush()
        os.execv(sys.executable, argv)
