"""ASGI entry point: the site under gunicorn's asgi worker (`mercwatch serve`)."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mercwatch.settings")
application = get_asgi_application()

from mercwatch.core.serving import require_ready  # noqa: E402 (needs the apps loaded)

require_ready()

if settings.WARM_ON_START:  # set by `mercwatch serve`, which preloads the app in gunicorn
    from mercwatch.site.warm import warm

    warm()
