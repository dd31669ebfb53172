from django.apps import AppConfig


class MarketConfig(AppConfig):
    name = "mercwatch.market"
    label = "market"
    default_auto_field = "django.db.models.BigAutoField"
