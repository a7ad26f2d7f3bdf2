from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "coffee_api"
    verbose_name = _("Partner API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported once the models are loaded, as Django's AppConfig.ready() expects.
        from . import images, signals  # noqa: F401 - images registers its system check
        from .directory import register_change_kinds

        signals.connect()
        register_change_kinds()
