from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request

from .machine import MachineTranslationError


class MachineTranslationErrorMiddleware:
    """wagtail-localize's machine-translate view lets a service failure through as a 500: tell
    the editor instead, back in the translation editor (no segment was written)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationError):
            return None
        messages.error(
            request,
            _("Machine translation failed, nothing was translated: %(reason)s")
            % {"reason": exception},
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
