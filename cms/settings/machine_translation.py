"""WAGTAILLOCALIZE_MACHINE_TRANSLATOR from the environment (cms/translations/machine.py):
DeepL when DEEPL_API_KEY is set, else a (self-hosted) LibreTranslate at LIBRETRANSLATE_URL,
else None (machine translation off)."""

from .env import env_int, env_str


def machine_translator() -> dict | None:
    timeout = env_int("MACHINE_TRANSLATION_TIMEOUT", 30)
    deepl_key = env_str("DEEPL_API_KEY", "")
    if deepl_key:
        return {
            "CLASS": "cms.translations.machine.DeepL",
            "OPTIONS": {
                "AUTH_KEY": deepl_key,
                # empty: DeepL's free endpoint for keys ending in ":fx", else the pro one
                "API_URL": env_str("DEEPL_API_URL", ""),
                "TIMEOUT": timeout,
            },
        }
    libretranslate_url = env_str("LIBRETRANSLATE_URL", "")
    if libretranslate_url:
        return {
            "CLASS": "cms.translations.machine.LibreTranslate",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url,
                "API_KEY": env_str("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    return None
