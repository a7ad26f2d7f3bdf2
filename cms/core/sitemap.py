from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, Site

from .base_url import public_base_url
from .queries import visible_pages


class ServedSitemap(Sitemap):
    """Django's sitemap writes the request's scheme and host; PUBLIC_BASE_URL's when set."""

    def get_protocol(self, protocol=None):
        public = public_base_url()
        return urlsplit(public).scheme if public else super().get_protocol(protocol)

    def get_domain(self, site=None):
        public = public_base_url()
        return urlsplit(public).netloc if public else super().get_domain(site)


class AllLocalesSitemap(ServedSitemap):
    """Every visible page of every locale's tree, with its hreflang alternates."""

    i18n = False
    alternates = False

    def __init__(self, request):
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        pages = Page.objects.none()
        for locale in Locale.objects.all():
            root = site.root_page.get_translation_or_none(locale)
            if root is not None:
                pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return visible_pages(pages).specific().order_by("path")

    def location(self, item):
        return item.get_url(self.request)

    def lastmod(self, item):
        return item.last_published_at
