"""Admin views shared by the snippets of several apps."""

from wagtail.snippets.views.snippets import SnippetViewSet


class NamedTermViewSet(SnippetViewSet):
    """The listing of a NamedTerm (categories, newsletter interests): name, slug, language."""

    icon = "tag"
    list_display = ["name", "slug", "locale"]


class ShortListViewSet(SnippetViewSet):
    """A short list of named records (authors, study partners), searched with the database's
    LIKE on ``search_fields``: no search index to build or keep."""

    search_backend_name = None
