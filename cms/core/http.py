"""Django's HttpRequest behind DRF's Request.

Per-request memos (the site, the locale, view restrictions, throttle counts) are kept on
Django's HttpRequest, which middleware, views and templates share; DRF's Request wraps it and
lives only as long as the API view. The API's views remember the HttpRequest they wrap
(cms.api.mixins.PublicAPIMixin.initialize_request), so code given either one finds it here.
"""

from django.http import HttpRequest

ATTRIBUTE = "django_request"


def remember_django_request(wrapper, request: HttpRequest) -> None:
    """Keep ``request`` on the DRF Request that wraps it."""
    setattr(wrapper, ATTRIBUTE, request)


def django_request(request):
    """The HttpRequest itself, or the one a DRF Request of the API's views wraps."""
    return getattr(request, ATTRIBUTE, request)
