"""Admin reports: the search-index updates still waiting for the engine (superusers), and the
searches of the site that found nothing, which an editor turns into a synonym of a skill or a
keyword of a page in one step (search.site.MissAction, registered by the apps)."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import AdminOnlyMenuItem, MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from . import site
from .models import PendingIndexUpdate, SearchMiss


class CountedReportView(ReportView):
    """A report whose subtitle says how many rows it has: ``page_subtitle`` is an
    ``ngettext_lazy(singular, plural, "count")``."""

    def get_page_subtitle(self):
        return self.page_subtitle % {"count": self.model.objects.count()}


class PendingIndexUpdatesView(CountedReportView):
    """Read-only: the rows go away by themselves once the engine takes the updates."""

    page_title = _("Pending search index updates")
    page_subtitle = ngettext_lazy(
        "%(count)d update waiting for the search engine",
        "%(count)d updates waiting for the search engine",
        "count",
    )
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


# ---------------------------------------------------------------------- searches without results


def can_resolve_misses(user) -> bool:
    """Editors who may turn a search into at least something (a skill, a page…)."""
    return user.is_superuser or any(
        next(iter(action.targets(code, user)), None) is not None
        for action in site.miss_actions()
        for code in language_codes()
    )


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class SearchMissesView(CountedReportView):
    """Searches of the site that found nothing, the most frequent first, each with a form that
    turns it into a synonym of a skill or a keyword of a page."""

    page_title = _("Searches without results")
    page_subtitle = ngettext_lazy(
        "%(count)d search found nothing", "%(count)d searches found nothing", "count"
    )
    header_icon = "search"
    index_url_name = "search_misses"
    index_results_url_name = "search_misses_results"
    results_template_name = "search/admin/search_misses_results.html"
    model = SearchMiss
    list_export = ["query", "language", "count", "first_seen", "last_seen"]

    def dispatch(self, request, *args, **kwargs):
        if not can_resolve_misses(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return SearchMiss.objects.order_by("-count", "-last_seen", "pk")

    def decorate_paginated_queryset(self, object_list):
        """Each row with what it can become, per action, for its language (read once per
        language and action)."""
        names = dict(settings.LANGUAGES)
        choices = {}
        for code in {miss.language for miss in object_list}:
            choices[code] = [
                (
                    str(action.label()),
                    [(f"{action.name}:{value}", label) for value, label in targets],
                )
                for action in site.miss_actions()
                if (targets := list(action.targets(code, self.request.user)))
            ]
        for miss in object_list:
            miss.choices = choices.get(miss.language, [])
            miss.language_name = names.get(miss.language, miss.language)
        return object_list


@require_POST
def resolve_search_miss(request, pk):
    """Turn one search into what the editor chose, then forget it (or just forget it)."""
    miss = get_object_or_404(SearchMiss, pk=pk)
    if not can_resolve_misses(request.user):
        raise PermissionDenied
    if "delete" in request.POST:
        miss.delete()
        messages.success(request, gettext("“%(words)s” was removed.") % {"words": miss.query})
        return redirect("search_misses")
    name, _sep, value = request.POST.get("target", "").partition(":")
    action = site.get_miss_action(name)
    allowed = action is not None and any(
        str(choice) == value for choice, _label in action.targets(miss.language, request.user)
    )
    if not allowed:
        messages.error(request, gettext("Choose a skill or a page for this search."))
        return redirect("search_misses")
    try:
        done = action.apply(miss.query, miss.language, value, request.user)
    except ObjectDoesNotExist:
        messages.error(request, gettext("Choose a skill or a page for this search."))
        return redirect("search_misses")
    miss.delete()
    messages.success(request, done)
    return redirect("search_misses")


class SearchMissesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_resolve_misses(request.user)


@hooks.register("register_admin_urls")
def register_search_misses_urls():
    return [
        path("reports/search-misses/", SearchMissesView.as_view(), name="search_misses"),
        path(
            "reports/search-misses/results/",
            SearchMissesView.as_view(results_only=True),
            name="search_misses_results",
        ),
        path(
            "reports/search-misses/<int:pk>/resolve/",
            resolve_search_miss,
            name="search_misses_resolve",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_misses_menu_item():
    return SearchMissesMenuItem(
        _("Searches without results"), reverse("search_misses"), icon_name="search", order=850
    )
