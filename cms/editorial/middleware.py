"""Admin views that check no organisation: wagtail-localize's check only its model permission
(submit_translation), not whose content is translated, and Wagtail's explorer shows any page
below the editor's sections. An organisation editor may translate, update or edit the
translations of what they may change, and explore their own pages, and nothing else."""

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from .access import organisation_keys
from .permissions import other_organisations_pages

#: Wagtail's explorer of a page (its header: title, status, privacy) and of its children
EXPLORER_VIEWS = {"wagtailadmin_explore", "wagtailadmin_explore_results"}


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
        watched = match is not None and (
            "wagtail_localize" in match.namespaces or match.url_name in EXPLORER_VIEWS
        )
        # request.user is read only here: elsewhere (the API) it would add "Vary: Cookie".
        keys = organisation_keys(request.user) if watched else None
        if keys is None:
            return None
        if "wagtail_localize" in match.namespaces:
            obj = translated_object(match.url_name, view_kwargs)
            refused = obj is not None and not may_change(request.user, obj)
        else:  # the explorer
            refused = Page.objects.filter(
                other_organisations_pages(keys), pk=view_kwargs.get("parent_page_id")
            ).exists()
        if refused:
            # As Wagtail refuses: back to the dashboard (cms.core.admin_language: in the
            # account's language).
            return permission_denied(request)
        return None
