from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "cms.registrations"
    label = "registrations"
    verbose_name = _("Event registrations")

    def ready(self):
        from . import signals  # noqa: F401 - connects the erasure of a person's registrations
