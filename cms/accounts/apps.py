from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"
    verbose_name = "COFFEE Hub accounts"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
