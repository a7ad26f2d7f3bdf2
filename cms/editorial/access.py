"""Who may do what to a page, by organisation.

An organisation editor is a member of a group linked to an organisation (OrganisationGroup):
they keep their group's page permissions only on pages of their own organisation, and may only
add pages in the sections. Superusers and users in no organisation group (coordinators) are not
narrowed.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import PagePermissionTester
from wagtail.permissions import policy_registry

CACHE_ATTRIBUTE = "_organisation_keys_cache"

#: directory records and the relations (ending at a space page) that make them an
#: organisation's own
RECORD_SPACES = {
    "directory.Coworker": ["home_space"],
    "directory.Company": ["spaces"],
    "directory.ProjectIdea": ["posted_by_coworker__home_space", "posted_by_company__spaces"],
}


def organisation_keys(user) -> frozenset | None:
    """The organisations ``user`` edits for, or None when the user is not narrowed to any."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, CACHE_ATTRIBUTE):
        keys = frozenset(
            user.groups.filter(organisation__isnull=False).values_list(
                "organisation__organisation_key", flat=True
            )
        )
        setattr(user, CACHE_ATTRIBUTE, keys or None)
    return getattr(user, CACHE_ATTRIBUTE)


def belongs_to(page, keys) -> bool:
    """Whether ``page`` (specific) is one of the organisations' own pages."""
    return getattr(page, "organisation_key", None) in keys


class OrganisationPermissionTester(PagePermissionTester):
    """Wagtail's tester, with an organisation editor's permissions narrowed on this page."""

    def __init__(self, user, page):
        super().__init__(user, page)
        keys = organisation_keys(user)
        if keys is None or not hasattr(self, "permissions"):
            return
        if hasattr(page, "organisation_key"):
            if not belongs_to(page, keys):
                self.permissions = set()
        else:
            self.permissions &= {"add"}


def refuse_unless_allowed(request, instance, action):
    """Wagtail's snippet views check model permissions only: ask the instance's policy."""
    policy = policy_registry.get(instance)
    if not policy.user_has_permission_for_instance(request.user, action, instance):
        raise PermissionDenied
