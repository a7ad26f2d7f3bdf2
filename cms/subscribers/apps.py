from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscribersConfig(AppConfig):
    name = "cms.subscribers"
    label = "subscribers"
    verbose_name = _("Newsletter subscribers")

    def ready(self):
        from . import signals  # noqa: F401 - connects the erasure of a person's subscription
