"""The blocks of a newsletter issue: text, and lists of the site's articles, events and studies,
picked automatically for a period or chosen by hand. Each list is resolved in the edition's
language when the issue is rendered (cms.newsletter.rendering)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.queries import visible_pages
from cms.events.models import EventPage

AUTOMATIC = "automatic"
CHOSEN = "chosen"


def chosen_pages(page_type: str, label) -> blocks.ListBlock:
    """Pages of one type chosen by hand, in order (used when the selection says so)."""
    return blocks.ListBlock(
        blocks.PageChooserBlock(page_type=page_type), label=label, required=False
    )


class ContentListBlock(blocks.StructBlock):
    """A heading and pages of one type: the latest (or next) ones of a period, or chosen."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    selection = blocks.ChoiceBlock(
        label=_("selection"),
        choices=[
            (AUTOMATIC, _("Automatically, for the period")),
            (CHOSEN, _("Chosen by hand")),
        ],
        default=AUTOMATIC,
    )
    days = blocks.IntegerBlock(
        label=_("period in days"),
        default=30,
        min_value=1,
        max_value=366,
        help_text=_("Automatic selection: the period before (or, for events, after) the issue."),
    )
    limit = blocks.IntegerBlock(label=_("at most"), default=4, min_value=1, max_value=12)

    @property
    def page_model(self):
        """The page type of the list: the one its ``pages`` are chosen from."""
        return self.child_blocks["pages"].child_block.target_model

    def automatic(self, locale, day: datetime.date):
        raise NotImplementedError

    def items(self, value, locale, day: datetime.date | None = None) -> list:
        """The pages this block shows in ``locale``, visible to every visitor."""
        day = day or timezone.localdate()
        limit = value.get("limit") or 4
        if value.get("selection") == CHOSEN:
            keys = [page.translation_key for page in value.get("pages") or [] if page is not None]
            found = {
                page.translation_key: page
                for page in visible_pages(
                    self.page_model.objects.filter(translation_key__in=keys, locale=locale)
                )
            }
            return [found[key] for key in keys if key in found][:limit]
        return list(self.automatic(locale, day, value.get("days") or 30)[:limit])

    def get_api_representation(self, value, context=None):
        return {
            "heading": value.get("heading") or "",
            "selection": value.get("selection"),
            "days": value.get("days"),
            "limit": value.get("limit"),
            "pages": [page.pk for page in value.get("pages") or [] if page is not None],
        }


class DatedListBlock(ContentListBlock):
    """A list of dated pages (articles, studies): automatically, those dated in the last
    `days` days up to the issue's day, newest first."""

    def automatic(self, locale, day, days):
        since = day - datetime.timedelta(days=days)
        return self.page_model.latest_in_locale(locale).filter(date__gte=since, date__lte=day)


class ArticlesBlock(DatedListBlock):
    pages = chosen_pages("blog.BlogPage", _("articles chosen by hand"))

    class Meta:
        icon = "doc-full"
        label = _("Latest articles")


class EventsBlock(ContentListBlock):
    pages = chosen_pages("events.EventPage", _("events chosen by hand"))

    class Meta:
        icon = "date"
        label = _("Upcoming events")

    def automatic(self, locale, day, days):
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        return (
            visible_pages(EventPage.objects.filter(locale=locale))
            .filter(end__gte=start, start__lt=start + datetime.timedelta(days=days))
            .order_by("start", "pk")
        )


class StudiesBlock(DatedListBlock):
    pages = chosen_pages("studies.StudyPage", _("studies chosen by hand"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Studies")


class NewsletterBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
    )
    articles = ArticlesBlock()
    events = EventsBlock()
    studies = StudiesBlock()
