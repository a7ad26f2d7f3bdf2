"""Admin buttons of a page that stand in two places: the page's header and the "More" menu of
its row in the page listing."""

from wagtail import hooks


def register_page_buttons(buttons):
    """Show the buttons that ``buttons(page, user)`` yields in both places (a decorator)."""

    @hooks.register("register_page_header_buttons")
    def header_buttons(page, user, view_name=None, next_url=None):
        yield from buttons(page, user)

    @hooks.register("register_page_listing_more_buttons")
    def listing_buttons(page, user, next_url=None):
        yield from buttons(page, user)

    return buttons
