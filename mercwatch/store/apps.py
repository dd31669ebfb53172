from django.apps import AppConfig


class StoreConfig(AppConfig):
    """The stored data: the database as a snapshot, the one write path, the one cache."""

    name = "mercwatch.store"
    label = "store"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib import admin

        from mercwatch.store import admin_site, writes

        writes.guard()
        admin_site.install(admin.site)
