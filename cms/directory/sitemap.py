"""Sitemap of the directory: every public record in every site language.

Registered beside the pages' sitemap in cms/urls.py (SITEMAPS).
"""

from django.conf import settings

from cms.core.sitemap import ServedSitemap

from .kinds import KINDS


class DirectorySitemap(ServedSitemap):
    i18n = False
    alternates = False
    limit = 10_000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        items = []
        for code, _name in settings.LANGUAGES:
            for kind in KINDS.values():
                queryset = kind.model.objects.in_locale(code).only(
                    "pk", "slug", "last_published_at"
                )
                items.extend((code, record) for record in queryset.order_by("pk"))
        return items

    def location(self, item):
        code, record = item
        return record.get_url(code)

    def lastmod(self, item):
        return item[1].last_published_at
