"""Queries shared by the site's listings. What a visitor may see is cms.core.visibility's rule,
imported here for the modules that read it from this one."""

from wagtail.models import Locale

from .visibility import is_expired, searchable_pages, visible_pages

__all__ = ["in_active_locale", "is_expired", "searchable_pages", "visible_pages"]


def in_active_locale(queryset):
    return queryset.filter(locale=Locale.get_active())
