from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from cms.core.feeds import IndexPageFeed


class BlogRssFeed(IndexPageFeed):
    name = _("COFFEE Hub blog")
    description = _("The latest articles from the COFFEE coworking network.")

    def __init__(self, index_page):
        super().__init__(index_page)
        self.language = index_page.locale.language_code

    def pages(self):
        return self.index_page.articles()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        # Names are the same in every language: no need for the authors' translations.
        return ", ".join(entry.author.name for entry in item.article_authors.all()) or None

    def item_categories(self, item):
        return [category.name for category in item.categories]


class BlogAtomFeed(BlogRssFeed):
    feed_type = Atom1Feed
    subtitle = BlogRssFeed.description
