from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """Submissions and their review: propose, prepare, decide (approval: the write path)."""

    name = "mercwatch.review"
    label = "review"
    default_auto_field = "django.db.models.BigAutoField"
