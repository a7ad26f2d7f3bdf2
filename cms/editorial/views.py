"""Directory records in the admin: every record is listed (the directory is public),
but an organisation editor is offered edit, delete and bulk actions only on their own."""

from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.snippets.views.snippets import IndexView, UnpublishView

from .access import refuse_unless_allowed

EMPTY_CHECKBOX_CELL = mark_safe('<td class="bulk-action-checkbox-cell"></td>')


class OwnRecordCheckboxColumn(BulkActionsCheckboxColumn):
    """The bulk-action checkbox, left out on rows the user may not change."""

    def __init__(self, *args, may_change, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_change = may_change

    def render_cell_html(self, instance, parent_context):
        if not self.may_change(instance):
            return EMPTY_CHECKBOX_CELL
        return super().render_cell_html(instance, parent_context)


class OrganisationRecordIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.with_ownership(super().get_base_queryset(), self.request.user)

    def user_may(self, action, instance) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, action, instance
        )

    def may_change(self, instance) -> bool:
        return self.user_may("change", instance)

    @cached_property
    def columns(self):
        first, *others = super().columns
        if isinstance(first, BulkActionsCheckboxColumn):
            first = OwnRecordCheckboxColumn(
                first.name, obj_type=first.obj_type, may_change=self.may_change
            )
        return [first, *others]

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self.user_may("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self.user_may("delete", instance) else None


class OrganisationRecordUnpublishView(UnpublishView):
    """Refused as soon as it is asked for, not only once confirmed (before_unpublish)."""

    def get(self, request, *args, **kwargs):
        refuse_unless_allowed(request, self.object, "publish")
        return super().get(request, *args, **kwargs)
