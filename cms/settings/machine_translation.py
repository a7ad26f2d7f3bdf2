"""WAGTAILLOCALIZE_MACHINE_TRANSLATOR from the environment (cms/translations/machine.py):
DeepL when DEEPL_API_KEY is set, else a (self-hosted) LibreTranslate at LIBRETRANSLATE_URL,
else None (machine translation off)."""

from .env import env_int, env_str


def translator(name: str, timeout: int, **options) -> dict:
    """The setting for the translator class ``name`` of cms/translations/machine.py."""
    return {
        "CLASS": f"cms.translations.machine.{name}",
        "OPTIONS": {**options, "TIMEOUT": timeout},
    }


def machine_translator() -> dict | None:
    timeout = env_int("MACHINE_TRANSLATION_TIMEOUT", 30)
    deepl_key = env_str("DEEPL_API_KEY", "")
    if deepl_key:
        # API_URL empty: DeepL's free endpoint for keys ending in ":fx", else the pro one
        return translator(
            "DeepL", timeout, AUTH_KEY=deepl_key, API_URL=env_str("DEEPL_API_URL", "")
        )
    libretranslate_url = env_str("LIBRETRANSLATE_URL", "")
    if libretranslate_url:
        return translator(
            "LibreTranslate",
            timeout,
            LIBRETRANSLATE_URL=libretranslate_url,
            API_KEY=env_str("LIBRETRANSLATE_API_KEY", ""),
        )
    return None
