from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
