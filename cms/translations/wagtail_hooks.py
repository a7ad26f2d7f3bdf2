from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet

from .publishing import may_publish
from .review import submit_for_review
from .status import translation_status
from .views import TranslationDashboardView


class TranslationStatusColumn(Column):
    """The page's translation status in the page listing."""

    cell_template_name = "translations/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = translation_status(instance)
        return context


class TranslatedPageViewSet(PageViewSet):
    """Wagtail's page explorer with a translation status column."""

    columns = [
        *ExplorableIndexView.base_columns,
        TranslationStatusColumn("translation_status", label=_("Translation")),
    ]


@hooks.register("register_admin_viewset", order=100)  # after Wagtail's own page viewset
def register_page_viewset():
    return TranslatedPageViewSet()


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [
        path(
            "translations/dashboard/",
            TranslationDashboardView.as_view(),
            name="translations_dashboard",
        ),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            submit_for_review,
            name="translations_submit_for_review",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    return MenuItem(
        _("Translation dashboard"),
        reverse("translations_dashboard"),
        icon_name="wagtail-localize-language",
        order=50,
    )


@hooks.register("construct_page_action_menu")
def offer_convert_to_alias_to_publishers_only(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" puts the source's content live at once: only
    for who may publish the page (cms.translations.publishing)."""
    page = context.get("page")
    if page is not None and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
