"""RSS feed of the open project ideas, per language (public records only)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .choices import ProjectStatus
from .models import ProjectIdea

FEED_LENGTH = 30


class ProjectIdeasFeed(Feed):
    def title(self):
        return _("COFFEE Hub: project ideas looking for collaborators")

    def link(self):
        return reverse("directory:index") + "?kind=projects"

    def description(self):
        return _("Ideas and projects people of the network want to work on with others.")

    def items(self):
        return (
            ProjectIdea.objects.in_locale(get_language())
            .filter(status=ProjectStatus.OPEN)
            .select_related("locale")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.get_url(get_language())

    def item_pubdate(self, item):
        return item.first_published_at
