from .navigation import Navigation
from .pages import BasePage, IndexPage
from .taxonomy import Category

__all__ = ["BasePage", "Category", "IndexPage", "Navigation"]
