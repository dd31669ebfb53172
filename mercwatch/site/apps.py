from typing import Any

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "mercwatch.site"
    label = "site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mercwatch.tracker.signals import data_changed

        data_changed.connect(_index_the_write, dispatch_uid="site-search-index")


def _index_the_write(**_kwargs: Any) -> None:
    """Bring the search index in step with the data just written, in the write's transaction,
    whoever wrote it."""
    from mercwatch.site import search
    from mercwatch.tracker.services.assessments import current_dataset

    search.update(current_dataset())
