"""The site's WSGI application plus one benchmark-only view, for bench/api_http.py.

    gunicorn bench.ceiling_wsgi:application

/api/bench/ceiling/ answers a fixed JSON document through the same Django process, settings
and middleware as the API (under /api/, like the API's views): the throughput of a Django
process doing no work of its own on this machine. The route exists only in this module, which
only the benchmark loads; the site's own URLconf (cms.urls) is untouched.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
django.setup(set_prefix=False)

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402

from cms.urls import urlpatterns as site_urlpatterns  # noqa: E402

CEILING_PATH = "/api/bench/ceiling/"
CEILING_BODY = {
    "meta": {"total_count": 2},
    "items": [
        {"id": 1, "title": "Ceiling", "locale": "fr"},
        {"id": 2, "title": "Plafond", "locale": "nl"},
    ],
}


def ceiling(request):
    return JsonResponse(CEILING_BODY)


# The site's patterns stay at the top level (i18n_patterns is only allowed there).
urlpatterns = [path(CEILING_PATH.lstrip("/"), ceiling), *site_urlpatterns]
settings.ROOT_URLCONF = __name__

application = WSGIHandler()
