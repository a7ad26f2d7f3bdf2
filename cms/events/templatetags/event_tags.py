from django import template

from cms.core.base_url import absolute

register = template.Library()


@register.simple_tag(takes_context=True)
def webcal_url(context, path: str) -> str:
    """webcal://host/path: the address calendar applications subscribe to (they fetch it
    again on their own), for a path of this site."""
    url = absolute(context.get("request"), path)
    return "webcal://" + url.split("://", 1)[1] if "://" in url else url
