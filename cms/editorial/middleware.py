"""wagtail-localize's admin views check only its model permission (submit_translation), not
whose content is translated: an organisation editor may translate, update or edit the
translations of what they may change, and nothing else."""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from wagtail.admin.auth import permission_denied
from wagtail.admin.localization import get_localized_response
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from .access import organisation_keys


def translated_object(url_name: str, kwargs: dict):
    """The page or snippet a wagtail-localize admin URL acts on (None when it names none)."""
    if "page_id" in kwargs:
        return Page.objects.filter(pk=kwargs["page_id"]).first()
    if url_name == "submit_snippet_translation":
        try:
            model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except LookupError:
            return None
        return model._default_manager.filter(pk=kwargs["pk"]).first()
    if "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
        return _or_none(source.get_source_instance) if source else None
    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
        return _or_none(translation.get_target_instance) if translation else None
    return None


def _or_none(find):
    try:
        return find()
    except ObjectDoesNotExist:
        return None


def may_change(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.specific.permissions_for_user(user).can_edit()
    return policy_registry.get(obj).user_has_permission_for_instance(user, "change", obj)


class TranslationOwnershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        if organisation_keys(request.user) is None:
            return None
        obj = translated_object(match.url_name, view_kwargs)
        if obj is not None and not may_change(request.user, obj):
            # As Wagtail refuses: back to the dashboard, the reason in the account's language.
            return get_localized_response(permission_denied, request)
        return None
