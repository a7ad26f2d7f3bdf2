import json

from django import template
from wagtail.models import Page

from ..publishing import may_publish, may_publish_translations
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


@register.simple_tag(takes_context=True)
def translation_editor_props(context) -> str:
    """The props of wagtail-localize's editor, without its "Convert to alias page" for who may
    not publish the page (cms.translations.publishing)."""
    props, instance = context["props"], context["instance"]
    if not isinstance(instance, Page) or may_publish(context["request"].user, instance):
        return props
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)


@register.simple_tag(takes_context=True)
def may_publish_translations_of(context, source) -> bool:
    """Whether the user may publish every translation a sync of ``source`` updates."""
    return may_publish_translations(context["request"].user, source)
