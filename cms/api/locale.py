"""The API's language handling, in one place.

- ?locale= is the only input: never Accept-Language nor a cookie. It is parsed once per
  request (requested_locale()), and chooses the language of messages and labels (French, the
  site's default, otherwise).
- LocaleMiddleware replaces Django's for the whole site: outside /api/ it changes only the
  answer to an unknown address outside the language-prefixed site (the admin, documents).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Locale

from cms.core.fallback import default_fallback
from cms.core.http import django_request

from .errors import InvalidParameter

API_PREFIX = "/api/"
#: addresses served outside i18n_patterns, besides the API
UNPREFIXED = ("/admin/", "/documents/")
PARAMETER = "locale"


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def check_language(value: str, name: str = PARAMETER) -> str:
    codes = content_language_codes()
    if value not in codes:
        raise InvalidParameter(name, f"{name} must be one of: {', '.join(codes)}.")
    return value


#: language code -> Locale id, kept in the process (cleared by cms.api.signals when a Locale
#: is saved or deleted).
_locale_ids: dict[str, int] = {}


def forget_locales(**kwargs) -> None:
    _locale_ids.clear()


def parse_locale(value: str, name: str = PARAMETER) -> Locale:
    check_language(value, name)
    locale_id = _locale_ids.get(value)
    if locale_id is None:
        locale_id = Locale.objects.filter(language_code=value).values_list("pk", flat=True).first()
        if locale_id is None:  # a configured language without its Locale row
            raise InvalidParameter(name, f"{name} {value} has no content yet.")
        _locale_ids[value] = locale_id
    return Locale(pk=locale_id, language_code=value)


_NOT_PARSED = object()


def requested_locale(request) -> Locale | None:
    """The Locale of ?locale= (None without it), parsed once per request; 400 if invalid."""
    holder = django_request(request)
    found = getattr(holder, "coffee_locale", _NOT_PARSED)
    if found is _NOT_PARSED:
        value = holder.GET.get(PARAMETER)
        found = None if value is None else parse_locale(value)
        holder.coffee_locale = found
    return found


FALLBACK = "fallback"
DEFAULT_CHAIN = "default"


def requested_fallback(request) -> list[str] | None:
    """The languages of ?fallback= to try after ?locale= (None without it); 400 if invalid.

    `fr,en` (content languages, tried in order), or `default` for LANGUAGE_FALLBACK. The
    language of ?locale= itself and a repeated language are skipped: each is tried once, the
    requested one first. Without ?locale= (every language, or a page in its own) there is
    nothing to fall back from: fallback is ignored."""
    holder = django_request(request)
    value = holder.GET.get(FALLBACK)
    if value is None:
        return None
    codes = value.split(",") if value != DEFAULT_CHAIN else []
    for code in codes:
        check_language(code, FALLBACK)
    if len(codes) > len(content_language_codes()):
        raise InvalidParameter(
            FALLBACK, "fallback lists each language at most once: e.g. fr,en (or default)."
        )
    locale = requested_locale(request)
    if locale is None:
        return None
    if value == DEFAULT_CHAIN:
        return default_fallback(locale.language_code)
    chain: list[str] = []
    for code in codes:
        if code != locale.language_code and code not in chain:
            chain.append(code)
    return chain


def language_chain(request) -> list[str] | None:
    """?locale= then ?fallback=, or None without ?fallback= (no fallback asked)."""
    fallback = requested_fallback(request)
    if fallback is None:
        return None
    return [requested_language(request), *fallback]


def requested_language(request) -> str:
    """The language code of ?locale=, else the site's default language."""
    locale = requested_locale(request)
    return locale.language_code if locale is not None else settings.LANGUAGE_CODE


def message_language(request) -> str:
    """The language of messages and labels: a valid ?locale=, else the default (no error)."""
    value = request.GET.get(PARAMETER)
    return value if value in content_language_codes() else settings.LANGUAGE_CODE


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware for the site; under /api/, the language of ?locale=.

    Under /api/: no `Vary: Accept-Language` (shared caches keep one copy), and no redirect of
    a JSON 404 to /fr/api/... (with prefix_default_language, Django would redirect every
    unknown API address to the language-prefixed path, which Wagtail's catch-all route makes
    "valid"). Under /admin/ and /documents/, no such redirect either.
    """

    def process_request(self, request):
        if request.path_info.startswith(API_PREFIX):
            translation.activate(message_language(request))
            request.LANGUAGE_CODE = translation.get_language()
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        path = request.path_info
        if path.startswith(API_PREFIX):
            return response
        if response.status_code == 404 and path.startswith(UNPREFIXED):
            # Django's headers, without its redirect to a language-prefixed copy of the address:
            # the admin's scripts reading its API get their JSON 404, an editor the 404 page.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
