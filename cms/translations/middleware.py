from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from .machine import MachineTranslationError
from .publishing import may_publish, may_publish_translations


class MachineTranslationErrorMiddleware(MiddlewareMixin):
    """wagtail-localize's machine-translate view lets a service failure through as a 500: tell
    the editor instead, back in the translation editor (no segment was written)."""

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationError):
            return None
        messages.error(
            request,
            _("Machine translation failed, nothing was translated: %(reason)s")
            % {"reason": exception},
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class TranslationPublishingMiddleware(MiddlewareMixin):
    """Refuses wagtail-localize's two ways of putting content live (cms/translations/
    publishing.py) to who may not publish it, as Wagtail refuses: back to the dashboard."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        if match.url_name == "convert_to_alias":
            page = Page.objects.filter(pk=view_kwargs["page_id"]).first()
            allowed = page is None or may_publish(request.user, page)
        elif match.url_name == "update_translations" and request.POST.get("publish_translations"):
            source = TranslationSource.objects.filter(
                pk=view_kwargs["translation_source_id"]
            ).first()
            allowed = source is None or may_publish_translations(request.user, source)
        else:
            return None
        return None if allowed else permission_denied(request)
