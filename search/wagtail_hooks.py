"""Admin: the search-index updates still waiting for the engine (Reports menu, superusers)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .models import PendingIndexUpdate


class PendingIndexUpdatesView(ReportView):
    """Read-only: the rows go away by themselves once the engine takes the updates."""

    page_title = _("Pending search index updates")
    header_icon = "search"
    index_url_name = "search_pending_updates"
    index_results_url_name = "search_pending_updates_results"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    model = PendingIndexUpdate
    columns = [
        Column("model", label=_("model")),
        Column("translation_key", label=_("translation key")),
        DateColumn("created_at", label=_("created at")),
        Column("attempts", label=_("attempts")),
        Column("last_error", label=_("last error")),
    ]
    list_export = ["model", "translation_key", "created_at", "attempts", "last_error"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return PendingIndexUpdate.objects.order_by("created_at", "pk")

    def get_page_subtitle(self):
        count = PendingIndexUpdate.objects.count()
        return ngettext(
            "%(count)d update waiting for the search engine",
            "%(count)d updates waiting for the search engine",
            count,
        ) % {"count": count}


@hooks.register("register_admin_urls")
def register_pending_updates_urls():
    view = PendingIndexUpdatesView.as_view()
    results = PendingIndexUpdatesView.as_view(results_only=True)
    return [
        path("reports/search-pending/", view, name="search_pending_updates"),
        path("reports/search-pending/results/", results, name="search_pending_updates_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_pending_updates_menu_item():
    return AdminOnlyMenuItem(
        _("Pending search index updates"),
        reverse("search_pending_updates"),
        icon_name="search",
        order=900,
    )
