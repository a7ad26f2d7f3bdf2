from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 30


class NewsletterRssFeed(Feed):
    """The issues sent in one language: /fr/newsletter/feed/ (and nl, en)."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("COFFEE Hub newsletter") + f" ({self.index_page.locale.language_code})"

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return _("The issues of the COFFEE network's newsletter.")

    def items(self):
        return self.index_page.issues()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.sent_at
