from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blog.models import BlogPage
from cms.core.blocks import BodyBlock
from cms.core.kept import kept
from cms.core.models import BasePage
from cms.events.models import EventPage
from cms.spaces.models import SpacePage
from cms.studies.models import StudyPage


class HomePage(BasePage):
    """The landing page of a locale: next events, latest articles and studies, the spaces."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    description_field = "intro"
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every visitor: kept until the content changes (cms.core.kept).
        context.update(kept(request, f"home-listings:{self.pk}", self.listings))
        return context

    def listings(self) -> dict:
        """Each page in the home page's language, else in a fallback one (cms.core.fallback)."""
        language = self.locale.language_code
        return {
            "upcoming_events": EventPage.next_occurrences(
                EventPage.upcoming_in_language(language), 4
            ),
            "latest_articles": list(BlogPage.latest_in_language(language)[:3]),
            "latest_studies": list(StudyPage.latest_in_language(language)[:3]),
            "spaces": list(SpacePage.all_in_language(language)),
        }
