from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mercwatch.core"
    label = "core"
