from .base import *  # noqa: F403
from .env import env_bool

# Off unless DEBUG=1: the site's own (translated) 404 and 500 pages, as in production.
DEBUG = env_bool("DEBUG", False)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Static files straight from the apps and site/static/, without collectstatic, even without DEBUG.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
