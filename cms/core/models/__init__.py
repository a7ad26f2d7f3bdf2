from .keywords import PageKeyword
from .navigation import Navigation
from .pages import BasePage, DatedListing, IndexPage, publication_date_today
from .taxonomy import Category, PublishedSnippet

__all__ = [
    "BasePage",
    "Category",
    "DatedListing",
    "IndexPage",
    "Navigation",
    "PageKeyword",
    "PublishedSnippet",
    "publication_date_today",
]
