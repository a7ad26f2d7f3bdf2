from wagtail.snippets.models import register_snippet

from cms.core.snippet_viewsets import ShortListViewSet

from .models import Author


class AuthorViewSet(ShortListViewSet):
    """Editors add the people who sign articles; translators translate their role."""

    model = Author
    icon = "user"
    menu_order = 205
    list_display = ["name", "role", "locale"]
    search_fields = ["name", "role"]


register_snippet(AuthorViewSet)
