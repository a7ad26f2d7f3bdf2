"""What a visitor may see of the directory: one definition, used by every page, search engine,
facet count, sitemap, feed and API response."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import Locale


def language_code_of(locale) -> str:
    return locale.language_code if isinstance(locale, Locale) else str(locale)


class DirectoryQuerySet(models.QuerySet):
    def public(self, now=None):
        """Records a visitor may see (at ``now``, by default the present), in whatever
        language they were written.

        Each model says what "public" means on top of being live (a person also needs a
        recorded, unwithdrawn consent); see ``public_condition``.
        """
        return self.filter(self.model.public_condition(now or timezone.now()))

    def in_locale(self, locale, now=None):
        """Each public record once, as a visitor reading ``locale`` sees it: its translation
        in that language when public, otherwise the oldest public row of its translation
        group (the language it was first written in). See ``cms.directory.listing``."""
        return self.public(now).filter(shown_in__has=language_code_of(locale))

    def in_locale_computed(self, locale):
        """Same rows as ``in_locale``, worked out in SQL without the stored ``shown_in``
        (slower; the tests use it to check the stored values)."""
        code = language_code_of(locale)
        every_public = self.model._default_manager.filter(
            self.model.own_public_condition(timezone.now())
        )
        translated_here = every_public.filter(locale__language_code=code).values("translation_key")
        older_public = every_public.filter(
            translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
        )
        return self.public().filter(
            Q(locale__language_code=code)
            | (~Q(translation_key__in=translated_here) & ~Exists(older_public))
        )

    def for_translation_keys(self, keys):
        return self.filter(translation_key__in=list(keys))
