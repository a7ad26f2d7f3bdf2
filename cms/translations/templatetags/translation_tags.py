from django import template

from ..review import review_action
from ..status import segment_field_labels, translation_status

register = template.Library()


@register.simple_tag
def translation_status_of(obj):
    """The translation status of a page or snippet (see cms.translations.status)."""
    return translation_status(obj)


@register.simple_tag(takes_context=True)
def review_action_for(context, translation):
    """The translation editor's "Submit to …" action, when the page has a review workflow."""
    return review_action(translation, context["request"].user)


@register.filter
def field_labels(paths, instance) -> str:
    """The labels of the fields that segment paths belong to (see segment_field_labels)."""
    return segment_field_labels(paths, type(instance))
