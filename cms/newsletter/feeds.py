from django.utils.translation import gettext_lazy as _

from cms.core.feeds import IndexPageFeed


class NewsletterRssFeed(IndexPageFeed):
    """The issues sent in one language: /fr/newsletter/feed/ (and nl, en)."""

    name = _("COFFEE Hub newsletter")
    description = _("The issues of the COFFEE network's newsletter.")

    def pages(self):
        return self.index_page.issues()

    def item_pubdate(self, item):
        return item.sent_at
