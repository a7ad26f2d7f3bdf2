from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.permissions import policy_registry

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
