"""The admin in the account's language, from the request's start to its end.

Wagtail switches to the account's language inside each admin view, but turns a refused
request into "Sorry, you do not have permission…" (a message the next page shows) after
leaving that switch: an editor whose admin is in French, with a browser in English, read it in
English. Here the whole request of a signed-in user under the admin is in their language."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.localization import get_localized_response

ADMIN_PREFIX = SimpleLazyObject(lambda: reverse("wagtailadmin_home"))


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(str(ADMIN_PREFIX)) and request.user.is_authenticated:
            return get_localized_response(self.get_response, request)
        return self.get_response(request)
