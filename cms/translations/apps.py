from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The translation lifecycle: drafts, outdated translations, machine translation, slugs."""

    name = "cms.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import slugs

        slugs.connect()
