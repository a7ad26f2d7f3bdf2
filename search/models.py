"""What the search engine still has to hear about (it was down when the change was made)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """What the engine missed: one translation group of directory records (translation_key),
    or one page, image or document of Wagtail's indexes (object_id).

    Retried when the engine is back (the first successful call after an outage), at the next
    successful index update and by ``manage.py search_retry_pending``; the update reads the
    objects again, so one row per group or object is enough.
    """

    model = models.CharField(_("model"), max_length=100)  # "directory.coworker", "blog.blogpage"
    translation_key = models.CharField(_("translation key"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "translation_key", "object_id"], name="search_pending_unique"
            )
        ]

    def __str__(self):
        return f"{self.model} {self.translation_key or self.object_id}"


class SearchMiss(models.Model):
    """A search of the site that found nothing, per language: its words normalised (accents
    and case folded), how many times and when it was last made. Nothing about who searched."""

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    count = models.PositiveIntegerField(_("times"), default=1)
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="search_miss_unique")
        ]

    def __str__(self):
        return self.query
