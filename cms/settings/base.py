"""Settings shared by every environment; each knob is read from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .deployment import *  # noqa: F403 - media serving, static files, Content-Security-Policy
from .env import env_bool, env_cache, env_int, env_list, env_result_cache, env_str
from .machine_translation import machine_translator
from .search import *  # noqa: F403 (SEARCH_*, WAGTAILSEARCH_BACKENDS)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("COFFEE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks): cms.core.client_ip
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    "cms.core",
    "cms.home",
    "cms.pages",
    "cms.blog",
    "cms.studies",
    "cms.events",
    "cms.registrations",
    "cms.spaces",
    "cms.editorial",
    "cms.directory",
    "cms.subscribers",
    "cms.demo",
    "cms.api",
    "cms.newsletter",
    "cms.accounts",
    "cms.translations",  # before wagtail_localize: overrides its translation editor template
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "corsheaders",
    "csp",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.core.csp.ContentSecurityPolicyMiddleware",  # the policy of each area (settings/deployment)
    # Whole pages for anonymous visitors, before sessions and users are read (HTML_CACHE).
    "cms.core.html_cache.HtmlCacheMiddleware",
    "cms.core.visibility.RestrictionsMiddleware",  # view restrictions read once per GET
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.api.locale.LocaleMiddleware",  # Django's; under /api/ the language of ?locale=
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.two_factor.TwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",  # a locked-out login or page password: our 429 page
    "cms.core.admin_language.AdminLanguageMiddleware",  # refusals too in the account's language
    "cms.translations.middleware.MachineTranslationErrorMiddleware",
    "cms.translations.middleware.TranslationPublishingMiddleware",
    "cms.editorial.middleware.TranslationOwnershipMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Whole public API answers, before the view runs (innermost: stored without CORS headers).
    "cms.api.response_cache.ResponseCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'coffee.sqlite3'}"),
        # Kept open between requests: opening one costs a request more CPU than its queries.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + immediate transactions + a busy timeout: concurrent workers wait instead of failing
    # with "database is locked" (see wagtail#14361).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default and the source of translations.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

from .accounts import *  # noqa: E402, F403 - login throttling, two-factor, e-mail
from .subscribers import *  # noqa: E402, F403 - newsletter subscriptions

# CACHE_URL: unset, what every process of one machine shares lives in the database and the
# result caches in each process's memory (one store each: LOCATION); redis://host:6379/0, both
# in Redis, shared by every process and server (django.core.cache.backends.redis, needs the
# `redis` package).
CACHES = {
    "default": env_cache(
        "CACHE_URL",
        {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "coffee_cache"},
    ),
    # Results keyed by the content version (whole public API answers, COFFEE_API_RESPONSE_CACHE):
    # stale entries are never read, so a per-process copy is as correct as a shared one.
    "api": env_result_cache("api", 2000),
    # The directory's search answers and filter values (see DIRECTORY_CACHE).
    "directory": env_result_cache("directory", 5000),
    # Whole HTML pages for anonymous visitors, keyed by the content version (HTML_CACHE).
    "html": env_result_cache("html", 2000),
    # Wagtail looks rendition URLs up here on every image tag: keep them in process memory.
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "COFFEE Hub"
# The admin speaks the site's languages, which locale/ translates completely.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "")  # else the request's (cms.core.base_url)
# Seconds between two passes of run_scheduler (go-live and expiry dates).
SCHEDULER_INTERVAL = env_int("SCHEDULER_INTERVAL", 60)
# Days after an event at which its registrants' personal data is deleted (run_scheduler).
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 30)
# Functions run_scheduler calls on every pass, after publish_scheduled (dotted paths): the
# scheduler lives in cms.editorial, which the apps below import, so it names them here.
SCHEDULER_JOBS = [
    "cms.registrations.services.send_reminders",
    "cms.registrations.services.erase_expired",
    "cms.newsletter.sending.watch",
    "cms.subscribers.subscribe.purge_unconfirmed",
]
# Registrations a client may POST to the partner API (cms.api.registrations); "" turns it off.
REGISTRATIONS_API_THROTTLE_RATE = env_str("REGISTRATIONS_API_THROTTLE_RATE", "30/hour")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILAPI_DOCS_ENABLED = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILLOCALIZE_JQUERY_PATH = None
# A new translation is a draft until someone publishes it (wagtail-localize's default publishes
# it at once when the source is live, with the source's text).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Machine translation in the translation editor: DeepL, LibreTranslate or off, by environment.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # Partner webhooks: stored in the database, sent by `manage.py db_worker --backend webhooks
    # --queue-name webhooks`, so that publishing never waits for a partner.
    "webhooks": {
        "BACKEND": env_str("WEBHOOK_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["webhooks"],
    },
    # Newsletter issues: sent in batches by `manage.py db_worker --backend newsletter
    # --queue-name newsletter` (cms/newsletter/sending.py).
    "newsletter": {
        "BACKEND": env_str("NEWSLETTER_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["newsletter"],
    },
}

# Newsletter (cms.newsletter): sender, reply address and the pace of sending.
NEWSLETTER_FROM_EMAIL = env_str("NEWSLETTER_FROM_EMAIL", "") or DEFAULT_FROM_EMAIL  # noqa: F405
NEWSLETTER_REPLY_TO = env_str("NEWSLETTER_REPLY_TO", "")
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str("NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_SECONDS = env_int("NEWSLETTER_RETRY_SECONDS", 300)
NEWSLETTER_STALE_SECONDS = env_int("NEWSLETTER_STALE_SECONDS", 600)

# Public partner API (cms.api): /api/v2/, /api/schema/, /api/docs/
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
COFFEE_API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
# Whole public API answers, reused until the change feed moves (cms/api/response_cache.py);
# empty turns it off.
COFFEE_API_RESPONSE_CACHE = env_str("API_RESPONSE_CACHE", "api")
# Each translation source compared with its object (cms.translations.status), kept until the
# change feed moves, so that API listings say each item's translation status in a few queries.
TRANSLATION_STATUS_CACHE = env_str("TRANSLATION_STATUS_CACHE", "api")
# The cache alias keeping the directory's search answers and filter values until the change
# feed moves (cms/directory/cache.py); empty keeps nothing. DIRECTORY_CACHE_SECONDS: at most.
DIRECTORY_CACHE = env_str("DIRECTORY_CACHE", "directory")
DIRECTORY_CACHE_SECONDS = env_int("DIRECTORY_CACHE_SECONDS", 300)
# Whole HTML pages for anonymous visitors, reused until the change feed moves
# (cms/core/html_cache.py); empty turns it off. HTML_CACHE_SECONDS: at most this long;
# HTML_CACHE_MAX_AGE: the max-age those pages tell browsers and shared caches.
HTML_CACHE = env_str("HTML_CACHE", "html")
# Menus, home and section pages every page shows, kept per process until the change feed moves
# and at most this long (cms/core/templatetags/coffee_tags.py); 0 reads them on every request.
SITE_CHROME_CACHE_SECONDS = env_int("SITE_CHROME_CACHE_SECONDS", 60)
HTML_CACHE_SECONDS = env_int("HTML_CACHE_SECONDS", 300)
HTML_CACHE_MAX_AGE = env_int("HTML_CACHE_MAX_AGE", 60)
COFFEE_API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "300/min")
# Languages to show a page in, in order, when it has no visible version in the visitor's (the
# site's listings; the API's ?fallback=default), cms/core/fallback.py.
LANGUAGE_FALLBACK = env_list("LANGUAGE_FALLBACK", "fr,en,nl")
# Dates written the same way in e-mails, cards and pages, in every language (cms/core/formats).
FORMAT_MODULE_PATH = ["cms.core.formats"]
# Images in the API: the default rendition, the specs a front-end may ask for with ?image=
# (Wagtail's rendition filters; fill crops around the editor's focal point), the formats of
# ?image_format= (those this Pillow cannot write are refused) and the srcset scales.
COFFEE_API_IMAGE_RENDITION = env_str("API_IMAGE_RENDITION", "max-1200x900")
COFFEE_API_IMAGE_SPECS = env_list(
    "API_IMAGE_SPECS",
    "max-1200x900,max-800x600,fill-1200x630,fill-800x450,fill-400x400,fill-160x160-c100,"
    "width-640,width-1280",
)
COFFEE_API_IMAGE_FORMATS = env_list("API_IMAGE_FORMATS", "jpeg,webp,avif")
COFFEE_API_IMAGE_SRCSET_SCALES = [
    float(scale) for scale in env_list("API_IMAGE_SRCSET_SCALES", "0.5,1,2")
]
# Where the per-client counts live: a cache every worker (and, with CACHE_URL, server) shares.
COFFEE_API_THROTTLE_CACHE = "default"
COFFEE_WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 6)
COFFEE_WEBHOOK_BACKOFF_SECONDS = env_int("WEBHOOK_BACKOFF_SECONDS", 30)
COFFEE_WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 10)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Cache-Control"]
CORS_PREFLIGHT_MAX_AGE = 86400
# Only the schema class: authentication and permissions stay DRF's defaults (wagtail-localize's
# own endpoints rely on them, wagtail-localize#827); the public API sets its own per view.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "COFFEE Hub API",
    "DESCRIPTION": "Read-only JSON API of the COFFEE network: pages, events, images, documents, "
    "the directory, site search and a change feed. See /api/docs/.",
    "VERSION": "2",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": r"/api/v2",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "PREPROCESSING_HOOKS": ["cms.api.schema.public_endpoints_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.schema_hooks.postprocess",
    ],
    # fr, nl, en: one enum, whether a field is called locale or language
    "ENUM_NAME_OVERRIDES": {"LocaleEnum": "cms.api.schema.LOCALES"},
    "DISABLE_ERRORS_AND_WARNINGS": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
