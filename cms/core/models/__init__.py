from .navigation import Navigation
from .pages import BasePage
from .taxonomy import Category

__all__ = ["BasePage", "Category", "Navigation"]
