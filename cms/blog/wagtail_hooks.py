from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author


class AuthorViewSet(SnippetViewSet):
    """Editors add the people who sign articles; translators translate their role."""

    model = Author
    icon = "user"
    menu_order = 205
    list_display = ["name", "role", "locale"]
    search_fields = ["name", "role"]
    search_backend_name = None  # the database's LIKE on a short list: no search index needed


register_snippet(AuthorViewSet)
