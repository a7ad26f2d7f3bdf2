"""Django's LocaleMiddleware, minus what it must not do to the public API."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

API_PREFIX = "/api/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Replaces django.middleware.locale.LocaleMiddleware (same behaviour for the site).

    Under /api/ the language never comes from Accept-Language or cookies (?locale= chooses),
    so: no `Vary: Accept-Language` (shared caches keep one copy), and no redirect of a JSON
    404 to /fr/api/... (with prefix_default_language, Django would redirect every unknown API
    address to the language-prefixed path, which Wagtail's catch-all route makes "valid").
    """

    def process_request(self, request):
        if request.path_info.startswith(API_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)
