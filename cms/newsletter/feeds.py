from django.utils.translation import gettext as _

from cms.core.feeds import IndexPageFeed


class NewsletterRssFeed(IndexPageFeed):
    """The issues sent in one language: /fr/newsletter/feed/ (and nl, en)."""

    def title(self):
        return _("COFFEE Hub newsletter") + f" ({self.index_page.locale.language_code})"

    def description(self):
        return _("The issues of the COFFEE network's newsletter.")

    def pages(self):
        return self.index_page.issues()

    def item_description(self, item):
        return item.intro

    def item_pubdate(self, item):
        return item.sent_at
