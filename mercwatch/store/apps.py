from django.apps import AppConfig


class StoreConfig(AppConfig):
    """The stored data: the database as a snapshot, the one write path, the one cache."""

    name = "mercwatch.store"
    label = "store"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib import admin
        from django.core.signals import request_finished

        from mercwatch.store import admin_site, current, writes

        writes.guard()
        admin_site.install(admin.site)
        request_finished.connect(current.settle, dispatch_uid="mercwatch-settle")
