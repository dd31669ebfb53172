from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "mercwatch.screening"
    label = "screening"
