"""Typed access to environment variables: every setting knob is declared once, with its default."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None or (default is None and not value.strip()):  # required: empty is missing
        raise ImproperlyConfigured(f"The environment variable {name} is required.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_cache(name: str, default: dict, **options) -> dict:
    """A CACHES entry from a URL: unset or empty gives `default`; `locmem://` keeps entries in
    each process; `redis://host:6379/0` (or `rediss://`, `unix://`) uses Django's RedisCache,
    shared by every process and server pointing at it."""
    url = os.environ.get(name, "").strip()
    if not url:
        return default
    scheme = url.split("://", 1)[0].lower()
    if scheme == "locmem":
        # One store per prefix: aliases sharing a store would cull and clear each other's entries.
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": options.get("KEY_PREFIX", ""),
            **options,
        }
    if scheme in {"redis", "rediss", "unix"}:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            **options,
        }
    raise ImproperlyConfigured(f"{name} must start with redis://, rediss://, unix:// or locmem://.")


def env_result_cache(name: str, max_entries: int) -> dict:
    """A CACHES entry for results under their own key prefix ``name``: CACHE_URL's store when
    set, else ``max_entries`` kept in each process's memory (env_cache)."""
    return env_cache(
        "CACHE_URL",
        {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": name,
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        },
        KEY_PREFIX=name,
    )
