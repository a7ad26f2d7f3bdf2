"""Wagtail's admin API for pages, readable on the pages every translation links to."""

from django.apps import apps
from wagtail.admin.api.views import PagesAdminAPIViewSet


class PagesWithSpacesAdminAPIViewSet(PagesAdminAPIViewSet):
    """An editor's explorable pages are their sections and what lies under them. The
    translation editor also shows a translated page's organisation and an event's venue (space
    pages, synchronised from the source) by reading them here: those details are readable too,
    for live space pages only. Listings (the explorer's side panel) stay as Wagtail has them."""

    def get_base_queryset(self):
        explorable = super().get_base_queryset()
        if self.action != "detail_view":
            return explorable
        spaces = apps.get_model("spaces", "SpacePage").objects.live().values("pk")
        return explorable | explorable.model.objects.filter(pk__in=spaces)
