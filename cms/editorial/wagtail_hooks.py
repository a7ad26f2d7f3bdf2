from urllib.parse import urlsplit

from django.urls import Resolver404, path, resolve
from wagtail import hooks

from .access import organisation_keys, refuse_unless_allowed
from .admin_api import PagesWithSpacesAdminAPIViewSet
from .middleware import may_change
from .permissions import changeable_translation_keys, hide_other_organisations
from .translations_report import OrganisationTranslationsReportView


@hooks.register("construct_admin_api")
def read_space_pages_in_the_translation_editor(router):
    router.register_endpoint("pages", PagesWithSpacesAdminAPIViewSet)


@hooks.register("register_admin_urls", order=-1)
def narrow_the_translations_report():
    """At wagtail-localize's own paths, resolved ahead of its views: its menu item, filters
    and pagination lead here."""
    return [
        path("localize/reports/translations/", OrganisationTranslationsReportView.as_view()),
        path(
            "localize/reports/translations/results/",
            OrganisationTranslationsReportView.as_view(results_only=True),
        ),
    ]


@hooks.register("filter_translation_dashboard_entries")
def keep_own_translations_on_the_dashboard(entries, user):
    """The translation dashboard counts and lists, for an organisation editor, what they may
    translate (as the Translations report)."""
    changeable = changeable_translation_keys(user)
    if changeable is None:
        return entries
    return [entry for entry in entries if str(entry.source.translation_key) in changeable]


@hooks.register("construct_page_chooser_queryset")
def hide_other_organisations_in_chooser(pages, request):
    return hide_other_organisations(pages, request.user)


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
    translating = [button for button in buttons if opens_a_translation_view(button)]
    if not translating or may_change(user, obj):
        return buttons
    return [button for button in buttons if button not in translating]


@hooks.register("construct_snippet_listing_buttons")
def hide_translation_buttons_of_other_records(buttons, snippet, user):
    buttons[:] = without_translation_buttons(buttons, user, snippet)


@hooks.register("construct_page_listing_buttons")
def hide_translation_buttons_of_other_pages(buttons, page, user, context=None):
    for button in buttons:
        more = getattr(button, "dropdown_buttons", None)
        if more is not None:
            more[:] = without_translation_buttons(more, user, page)
