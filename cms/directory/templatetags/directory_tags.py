from urllib.parse import urlencode

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cms.core import listing

from ..presenters import detail_context

register = template.Library()


@register.simple_tag
def directory_url(pairs=None, **params):
    """The directory page with these parameters: ``pairs`` (from DirectoryQuery.params())
    plus keyword parameters."""
    items = list(pairs or [])
    items += [(key, value) for key, value in params.items() if value not in (None, "")]
    url = reverse("directory:index")
    return f"{url}?{urlencode(items)}" if items else url


@register.simple_tag
def directory_page_links(items, query):
    """Links through the pages of the directory's results: the same search on another page."""
    return listing.page_links(
        items, lambda number: directory_url(query.replace(page=number).params())
    )


@register.simple_tag
def term_url(kind, facet, option):
    """The directory filtered by one skill, sector or space."""
    params = {} if kind == "coworkers" else {"kind": kind}
    params[facet] = option.token
    return directory_url(**params)


@register.filter
def language_name(code):
    """'nl' -> 'néerlandais' when reading in French."""
    try:
        return translation.get_language_info(str(code))["name_translated"]
    except KeyError:
        return code


@register.filter
def split_facet(values, limit=12):
    """(first values, the rest) so that long facets fold under a <details>."""
    values = list(values)
    return values[:limit], values[limit:]


@register.simple_tag(takes_context=True)
def record_preview(context, record):
    """A directory record's own page, as an editor previews it before it is published."""
    request = context.get("request")
    detail = detail_context(record, record.language, request=request, preview=True)
    return render_to_string(
        f"directory/{record.directory_kind}_detail.html",
        {"object": record, "request": request, **detail},
        request,
    )
