from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied
from django.urls import Resolver404, resolve
from wagtail import hooks
from wagtail.permissions import policy_registry

from .access import organisation_keys
from .middleware import may_change
from .permissions import hide_other_organisations


@hooks.register("construct_page_chooser_queryset")
def hide_other_organisations_in_chooser(pages, request):
    return hide_other_organisations(pages, request.user)


def refuse_unless_allowed(request, instance, action):
    """Wagtail's snippet views check model permissions only: ask the instance's policy."""
    policy = policy_registry.get(instance)
    if not policy.user_has_permission_for_instance(request.user, action, instance):
        raise PermissionDenied


@hooks.register("before_edit_snippet")
def check_snippet_edit(request, instance):
    refuse_unless_allowed(request, instance, "change")


@hooks.register("before_delete_snippet")
def check_snippet_delete(request, instances):
    for instance in instances:
        refuse_unless_allowed(request, instance, "delete")


@hooks.register("before_unpublish")
def check_snippet_unpublish(request, instance):
    refuse_unless_allowed(request, instance, "publish")


def opens_a_translation_view(button) -> bool:
    try:
        return "wagtail_localize" in resolve(urlsplit(str(button.url)).path).namespaces
    except Resolver404:
        return False


def without_translation_buttons(buttons, user, obj):
    """wagtail-localize offers Translate and Sync to whoever may translate at all: an
    organisation editor keeps them only on content of theirs (its views would refuse)."""
    if organisation_keys(user) is None:
        return buttons
    if not any(opens_a_translation_view(button) for button in buttons):
        return buttons
    if may_change(user, obj):
        return buttons
    return [button for button in buttons if not opens_a_translation_view(button)]


@hooks.register("construct_snippet_listing_buttons")
def hide_translation_buttons_of_other_records(buttons, snippet, user):
    buttons[:] = without_translation_buttons(buttons, user, snippet)


@hooks.register("construct_page_listing_buttons")
def hide_translation_buttons_of_other_pages(buttons, page, user, context=None):
    for button in buttons:
        more = getattr(button, "dropdown_buttons", None)
        if more is not None:
            more[:] = without_translation_buttons(more, user, page)
