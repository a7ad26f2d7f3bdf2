from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
