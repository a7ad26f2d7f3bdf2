"""What the site's page feeds share: an RSS feed of an index page's newest pages, with
absolute links for the request that asked for it."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_LENGTH = 30


class IndexPageFeed(Feed):
    """The feed of ``index_page``: ``pages()`` gives its pages, newest first; its title is
    ``name`` followed by the page's language, each item's text is the page's description
    field."""

    feed_type = Rss201rev2Feed
    name = ""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.name} ({self.index_page.locale.language_code})"

    def pages(self):
        raise NotImplementedError

    def items(self):
        return self.pages()[:FEED_LENGTH]

    def link(self):
        return self.index_page.get_full_url(self.request)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        """The text the page type describes itself with (BasePage.description_field)."""
        return getattr(item, item.description_field)
