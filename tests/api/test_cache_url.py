"""CACHE_URL chooses where the shared caches live (cms/settings/env.py, read by base.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import env_cache

DEFAULT = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "coffee_cache"}


def test_without_cache_url_the_default_stays(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    assert env_cache("CACHE_URL", DEFAULT) == DEFAULT
    monkeypatch.setenv("CACHE_URL", " ")
    assert env_cache("CACHE_URL", DEFAULT) == DEFAULT


@pytest.mark.parametrize(
    "url", ["redis://127.0.0.1:6379/0", "rediss://cache.example:6380/1", "unix:///run/redis.sock"]
)
def test_a_redis_url_gives_djangos_redis_cache_shared_by_every_server(monkeypatch, url):
    monkeypatch.setenv("CACHE_URL", url)
    assert env_cache("CACHE_URL", DEFAULT, KEY_PREFIX="api") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "api",
    }


def test_locmem_keeps_entries_in_each_process(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "locmem://")
    assert env_cache("CACHE_URL", DEFAULT)["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_an_unknown_scheme_is_refused_at_start_up(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "memcached://127.0.0.1:11211")
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        env_cache("CACHE_URL", DEFAULT)
