from django import template

from ..status import translation_status

register = template.Library()


@register.simple_tag
def translation_status_of(obj):
    """The translation status of a page or snippet (see cms.translations.status)."""
    return translation_status(obj)
