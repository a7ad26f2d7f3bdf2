from .navigation import Navigation
from .pages import BasePage, publication_date_today
from .taxonomy import Category

__all__ = ["BasePage", "Category", "Navigation", "publication_date_today"]
