"""Machine translation backends for wagtail-localize's translation editor.

wagtail-localize's DeepL and LibreTranslate translators, with the service's address taken from
the settings (self-hosted LibreTranslate, DeepL's free or pro endpoint) and the service's
errors turned into ``MachineTranslationError``: the editor is told what went wrong
(``MachineTranslationErrorMiddleware``) and no segment is written.
"""

import requests
from django.utils.translation import gettext as _
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue


class MachineTranslationError(Exception):
    """The machine translation service failed; nothing was translated."""


def _post(service: str, url: str, timeout: float, **kwargs) -> dict:
    try:
        response = requests.post(url, timeout=timeout, **kwargs)
    except requests.RequestException as error:
        raise MachineTranslationError(
            _("%(service)s could not be reached (%(error)s).")
            % {"service": service, "error": type(error).__name__}
        ) from error
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code >= 400 or not isinstance(body, dict):
        detail = body.get("message") or body.get("error") if isinstance(body, dict) else ""
        raise MachineTranslationError(
            _("%(service)s refused the request (HTTP %(status)s): %(detail)s")
            % {"service": service, "status": response.status_code, "detail": detail or "-"}
        )
    return body


def _pair(service: str, strings: list, translated) -> dict:
    if not isinstance(translated, list) or len(translated) != len(strings):
        raise MachineTranslationError(
            _("%(service)s answered with an unexpected number of translations.")
            % {"service": service}
        )
    return dict(zip(strings, translated, strict=True))


class DeepL(DeepLTranslator):
    """DeepL API v2 (``POST /v2/translate``); options: AUTH_KEY, API_URL (optional), TIMEOUT."""

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        body = _post(
            self.display_name,
            self.get_api_endpoint(),
            float(self.options.get("TIMEOUT", 30)),
            data=self.get_parameters(source_locale, target_locale, strings),
            headers=self.get_headers(),
        )
        pairs = _pair(self.display_name, strings, body.get("translations"))
        return {string: StringValue(item["text"]) for string, item in pairs.items()}


class LibreTranslate(LibreTranslator):
    """LibreTranslate (``POST /translate``); options: LIBRETRANSLATE_URL, API_KEY (optional),
    TIMEOUT."""

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        payload = {
            "q": [string.data for string in strings],
            "source": self.language_code(source_locale.language_code),
            "target": self.language_code(target_locale.language_code),
            "format": "html",
        }
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        body = _post(
            self.display_name,
            self.get_api_endpoint().rstrip("/") + "/translate",
            float(self.get_timeout()),
            json=payload,
        )
        pairs = _pair(self.display_name, strings, body.get("translatedText"))
        return {string: StringValue(text) for string, text in pairs.items()}
