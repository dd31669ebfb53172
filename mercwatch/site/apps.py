from typing import Any

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "mercwatch.site"
    label = "site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mercwatch.tracker.signals import data_loaded

        data_loaded.connect(_index_after_load, dispatch_uid="site-search-index")


def _index_after_load(**_kwargs: Any) -> None:
    """Build the search index as part of `mercwatch load`, not on the first search after it."""
    from mercwatch.site import search

    search.ensure_current()
