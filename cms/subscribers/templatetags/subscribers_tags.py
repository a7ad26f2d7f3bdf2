from django import template
from django.utils.translation import get_language

from cms.subscribers.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("subscribers/includes/footer_form.html")
def footer_subscribe_form():
    """The short form in every page's footer: address, edition language and consent."""
    return {"form": SubscribeForm(language=get_language(), prefix_id="footer-subscribe")}
