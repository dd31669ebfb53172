from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "mercwatch.tracker"
    label = "tracker"
    default_auto_field = "django.db.models.BigAutoField"
