from django.apps import AppConfig


class StoreConfig(AppConfig):
    """The stored data: the database as a snapshot, the one write path, the one cache."""

    name = "mercwatch.store"
    label = "store"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from mercwatch.store import writes

        writes.guard()
