"""Admin views shared by the snippets of several apps."""

from wagtail.snippets.views.snippets import SnippetViewSet


class NamedTermViewSet(SnippetViewSet):
    """The listing of a NamedTerm (categories, newsletter interests): name, slug, language."""

    icon = "tag"
    list_display = ["name", "slug", "locale"]
