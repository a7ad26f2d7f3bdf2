from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "directory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "html": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# Tests change content behind the change feed's back (direct updates): the response cache has
# its own tests (tests/api/test_response_cache.py), which turn it on.
COFFEE_API_RESPONSE_CACHE = ""
# Rolled-back tests can reuse change ids on SQLite; tests/directory/test_directory_cache.py
# turns the cache on.
DIRECTORY_CACHE = ""
# Same for whole pages: tests/test_html_cache.py turns it on.
HTML_CACHE = ""
SITE_CHROME_CACHE_SECONDS = 0
WAGTAILADMIN_BASE_URL = "http://testserver"
