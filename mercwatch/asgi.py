"""ASGI entry point: the site under gunicorn's asgi worker (`mercwatch serve`), through
Django's ASGI handler with its middleware chain run in one thread hop (core/asgi_handler.py)."""

import os

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mercwatch.settings")
django.setup(set_prefix=False)  # as django.core.asgi.get_asgi_application does

from mercwatch.core.asgi_handler import SyncChainASGIHandler  # noqa: E402 (needs the apps)

application = SyncChainASGIHandler()

from mercwatch.core.serving import require_ready  # noqa: E402 (needs the apps loaded)

require_ready()

if settings.WARM_ON_START:  # set by `mercwatch serve`, which preloads the app in gunicorn
    from mercwatch.site.warm import warm

    warm()
