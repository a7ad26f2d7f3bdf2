"""Permission policies that narrow organisation editors to their organisation's content.

Pages: Wagtail's page policy, whose explorable pages (explorer, admin search) leave out the
other organisations' pages; the per-page checks are ``OrganisationPermissionTester``.
Directory records: Wagtail's model policy, with the instance checks (edit, delete, publish,
bulk actions, the snippets API) limited to records attached to the editor's spaces.
"""

from django.apps import apps
from django.db.models import Exists, IntegerField, OuterRef, Q, QuerySet, Value
from wagtail.models import AbstractPage, Page, get_page_models, get_translatable_models
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from .access import RECORD_SPACES, organisation_keys
from .models import OrganisationOwnedPage

#: what an organisation editor may still do to another organisation's records
OPEN_ACTIONS = frozenset({"add", "view", "choose"})


def owned_page_models():
    return [model for model in get_page_models() if issubclass(model, OrganisationOwnedPage)]


def owned_pages(keys, *, own: bool) -> Q:
    """Pages (on the Page model) of an organisation in ``keys`` (``own``), or else owned by no
    organisation in ``keys`` or by none at all."""
    condition = Q(pk__in=[])
    for model in owned_page_models():
        of_keys = Q(organisation__translation_key__in=keys)
        pages = model.objects.filter(of_keys if own else ~of_keys)
        condition |= Q(pk__in=pages.values("pk"))
    return condition


def other_organisations_pages(keys) -> Q:
    return owned_pages(keys, own=False)


def hide_other_organisations(pages, user):
    keys = organisation_keys(user)
    return pages if keys is None else pages.exclude(other_organisations_pages(keys))


def changeable_translation_keys(user) -> set[str] | None:
    """The translation keys, as wagtail-localize stores them, of what ``user`` may change when
    they edit for organisations: their organisations' pages and the records their group's
    permissions and the records' policies allow. None when the user is not narrowed."""
    keys = organisation_keys(user)
    if keys is None:
        return None
    found = set()
    for model in get_translatable_models():
        changeable = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
            user, ["change"]
        )
        if issubclass(model, Page):
            changeable = changeable.filter(owned_pages(keys, own=True))
        found.update(
            str(key) for key in changeable.values_list("translation_key", flat=True).distinct()
        )
    return found


class OrganisationPagePermissionPolicy(PagePermissionPolicy):
    def explorable_instances(self, user):
        return hide_other_organisations(super().explorable_instances(user), user)

    def instances_user_has_any_permission_for(self, user, actions):
        return hide_other_organisations(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and (
            organisation_keys(user) is None
            or instance.specific_class is None
            or not issubclass(instance.specific_class, OrganisationOwnedPage)
            or instance.specific_deferred.organisation_key in organisation_keys(user)
        )


class OrganisationRecordPolicy(ModelPermissionPolicy):
    """Wagtail's model policy for a directory record attached to spaces through
    ``space_lookups`` (relations to a space page)."""

    def __init__(self, model, space_lookups):
        super().__init__(model)
        self.space_lookups = space_lookups

    def owned_by(self, keys) -> Q:
        condition = Q(pk__in=[])
        for lookup in self.space_lookups:
            condition |= Q(**{f"{lookup}__translation_key__in": keys})
        return condition

    def with_ownership(self, records: QuerySet, user) -> QuerySet:
        """``records``, each knowing whether ``user``'s organisations own it: a listing's
        instance checks then ask the database once for the whole page, not once per row."""
        keys = organisation_keys(user)
        if keys is None:
            return records
        return records.annotate(
            owned_by_editor=Exists(
                self.model.objects.filter(self.owned_by(keys), pk=OuterRef("pk"))
            ),
            ownership_checked_for=Value(user.pk, output_field=IntegerField()),
        )

    def owns(self, user, keys, instance) -> bool:
        if getattr(instance, "ownership_checked_for", None) == user.pk:
            return instance.owned_by_editor
        return self.model.objects.filter(self.owned_by(keys), pk=instance.pk).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        keys = organisation_keys(user)
        if keys is None or action in OPEN_ACTIONS:
            return True
        return self.owns(user, keys, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        keys = organisation_keys(user)
        if keys is None or set(actions) & OPEN_ACTIONS:
            return instances
        return instances.filter(self.owned_by(keys)).distinct()


def register_policies():
    register_permission_policy(AbstractPage, OrganisationPagePermissionPolicy(Page))
    for label, lookups in RECORD_SPACES.items():
        model = apps.get_model(label)
        register_permission_policy(model, OrganisationRecordPolicy(model, lookups))
