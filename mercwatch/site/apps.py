from typing import Any

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "mercwatch.site"
    label = "site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mercwatch.site import atom_export  # noqa: F401  (registers the Atom export format)
        from mercwatch.tracker.signals import data_changed

        data_changed.connect(_index_the_write, dispatch_uid="site-search-index")


def _index_the_write(snapshot: Any = None, **_kwargs: Any) -> None:
    """Bring the search index in step with the data just written, in the write's transaction,
    whoever wrote it (the write path sends the snapshot the write leaves)."""
    from mercwatch.site import search
    from mercwatch.store.database import snapshot_from_db

    search.update(snapshot if snapshot is not None else snapshot_from_db())
