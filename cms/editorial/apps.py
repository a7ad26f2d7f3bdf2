from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial roles")

    def ready(self):
        # Before wagtail.snippets registers the directory's viewsets, which would otherwise
        # give their models Wagtail's default policy.
        from . import signals
        from .permissions import register_policies

        register_policies()
        signals.connect()
