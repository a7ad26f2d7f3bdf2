from .keywords import PageKeyword
from .navigation import Navigation
from .pages import BasePage, IndexPage, publication_date_today
from .taxonomy import Category

__all__ = [
    "BasePage",
    "Category",
    "IndexPage",
    "Navigation",
    "PageKeyword",
    "publication_date_today",
]
