from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Accounts of the review workflow: the roles (groups with permissions) and API tokens."""

    name = "mercwatch.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from mercwatch.accounts.roles import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="mercwatch-roles")
