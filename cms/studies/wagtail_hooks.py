from wagtail.snippets.models import register_snippet

from cms.core.snippet_viewsets import ShortListViewSet

from .models import PartnerOrganisation


class PartnerOrganisationViewSet(ShortListViewSet):
    """Editors add the organisations that took part in their studies, then choose them on the
    study; coordinators remove those no longer needed. Partners come from both sides of the
    border: the listing filters by country."""

    model = PartnerOrganisation
    icon = "site"
    menu_order = 206
    list_display = ["name", "city", "country"]
    list_filter = ["country"]
    search_fields = ["name", "city"]


register_snippet(PartnerOrganisationViewSet)
