from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    """Editors add the organisations that took part in their studies, then choose them on the
    study; coordinators remove those no longer needed."""

    model = PartnerOrganisation
    icon = "site"
    menu_order = 206
    list_display = ["name", "city", "country"]
    search_fields = ["name", "city"]
    search_backend_name = None  # the database's LIKE on a short list: no search index needed


register_snippet(PartnerOrganisationViewSet)
