from django import template

from ..review import review_action
from ..status import translation_status

register = template.Library()


@register.simple_tag
def translation_status_of(obj):
    """The translation status of a page or snippet (see cms.translations.status)."""
    return translation_status(obj)


@register.simple_tag(takes_context=True)
def review_action_for(context, translation):
    """The translation editor's "Submit to …" action, when the page has a review workflow."""
    return review_action(translation, context["request"].user)
