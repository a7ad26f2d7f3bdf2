import copy

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.templatetags.wagtailcore_tags import (
    wagtail_feature_release_editor_guide_link,
    wagtail_feature_release_whats_new_link,
)
from wagtail.utils.version import get_main_version

from .choosers import PublishedChooserViewSet
from .html_cache import mark_served_page
from .models import Category, Navigation
from .queries import is_expired
from .snippet_viewsets import NamedTermViewSet
from .visibility import is_held_back


@hooks.register("before_serve_page")
def refuse_expired_pages(page, request, serve_args, serve_kwargs):
    # Wagtail only unpublishes expired pages when publish_scheduled runs; until then, hide them.
    # A page its app holds back (a newsletter issue not sent yet) is not out either; editors
    # see it in the admin's preview.
    if is_expired(page) or is_held_back(page, request):
        raise Http404
    mark_served_page(page, request)


class CategoryViewSet(NamedTermViewSet):
    model = Category
    chooser_viewset_class = PublishedChooserViewSet
    menu_order = 200


class NavigationViewSet(SnippetViewSet):
    model = Navigation
    chooser_viewset_class = PublishedChooserViewSet
    icon = "list-ul"
    menu_order = 210
    list_display = ["__str__", "locale"]


register_snippet(CategoryViewSet)
register_snippet(NavigationViewSet)


def menu_labels() -> dict[str, str]:
    """Labels of menu items that Wagtail and wagtail-localize translate once, when the menu is
    first built (in the language of whoever asked first), by the address they lead to; here
    in the language of the request being answered."""
    version = get_main_version(include_patch=False)
    return {
        reverse("wagtail_localize:translations_report"): gettext("Translations"),
        wagtail_feature_release_whats_new_link(): (
            gettext("What's new in Wagtail %(version)s") % {"version": version}
        ),
        wagtail_feature_release_editor_guide_link(): gettext("Editor Guide"),
    }


@hooks.register("construct_reports_menu")
@hooks.register("construct_help_menu")
def label_menu_items_in_the_admin_language(request, menu_items):
    labels = menu_labels()
    for index, item in enumerate(menu_items):
        label = labels.get(getattr(item, "url", None))
        if label is not None and label != item.label:
            menu_items[index] = copy.copy(item)  # the menu's own item is shared by every request
            menu_items[index].label = label
