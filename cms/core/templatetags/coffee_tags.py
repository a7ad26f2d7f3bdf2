"""Template helpers of the public site: languages, navigation, absolute URLs, JSON-LD.

Every tag works without a ``page`` in the context (search results, error pages), so that
``base.html`` can call them on any view.
"""

import json
import re
from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.base import token_kwargs
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from cms.core import listing
from cms.core.base_url import absolute, base_url
from cms.core.kept import kept
from cms.core.models import Category, Navigation
from cms.core.models.navigation import SOCIAL_NETWORKS
from cms.core.queries import visible_pages

register = template.Library()

# Open Graph wants a territory; the network lives in Belgium, English readers get en_GB.
OG_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}
WAGTAIL_SERVE_URL_NAME = "wagtail_serve"
# What must never appear raw inside a <script> element (same as Django's json_script).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# --------------------------------------------------------------------------- helpers


def _as_page(value):
    """Template variables that do not exist arrive as ''; only real pages count."""
    return value if isinstance(value, Page) else None


def _request(context):
    return context.get("request")


def _site(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site


def _locale_homes(request):
    """{language code: the site root page's visible translation}, for the current site."""

    def compute():
        site = _site(request)
        if site is None:
            return {}
        root = site.root_page
        pages = visible_pages(Page.objects.filter(translation_key=root.translation_key))
        return {page.locale.language_code: page for page in pages.select_related("locale")}

    return kept(request, "locale_homes", compute)


def _locale_home(request, language_code):
    """The site root page's translation in ``language_code`` when a visitor can see it."""
    return _locale_homes(request).get(language_code)


def _route_suffix(page, request):
    """The part of the path served by a routable page's sub-route (e.g. ``archive/``)."""
    if request is None or page is None:
        return ""
    base = page.get_url(request) or ""
    path = request.path
    if base and "://" not in base and path.startswith(base) and path != base:
        return path[len(base) :]
    return ""


#: A kept filter's value is cut at this length (as the search box cuts its words)
KEPT_VALUE_LENGTH = 200


def _kept_query(request):
    """The visitor's filters (``?category=…``, ``?space=…``, a search), for a link to the same
    listing in another language; not the page number: the other language counts differently.
    Values are cut to KEPT_VALUE_LENGTH characters and those with control characters dropped:
    no page repeats a 5,000-character address three times in its language links."""
    if request is None:
        return ""
    kept_values = [
        (name, value[:KEPT_VALUE_LENGTH])
        for name, values in request.GET.lists()
        for value in values
        if name != "page" and value.isprintable() and name.isprintable()
    ]
    return f"?{urlencode(kept_values)}" if kept_values else ""


def _page_language(page):
    return page.locale.language_code if page is not None else translation.get_language()


def _is_page_view(request):
    match = getattr(request, "resolver_match", None)
    return match is None or match.url_name == WAGTAIL_SERVE_URL_NAME


# --------------------------------------------------------------------------- languages


def _published_translations(page, request):
    """{language code: this page as published in it}: real translations only, not aliases
    (synchronised copies of the French page) nor drafts; kept per content version."""
    if page is None or not hasattr(type(page), "live_translations"):
        return None

    def compute():
        return {p.locale.language_code: p for p in page.live_translations if not p.alias_of_id}

    if page.pk is None:
        return compute()
    return kept(request, f"translations:{page.pk}", compute)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per site language, for the language switcher.

    Each entry is a dict: ``code``, ``name`` (in its own language), ``url``, ``active``
    (the language being read), ``same_page`` (the link leads to this very content, not
    to that language's home page) and ``available`` (False: this page has no published
    translation in that language, ``url`` is None and the switcher says so).
    """
    page = _as_page(page)
    request = _request(context)
    active_code = _page_language(page)
    translations = _published_translations(page, request)
    suffix = _route_suffix(page, request)
    query = _kept_query(request)

    links = []
    for code, _name in settings.LANGUAGES:
        url, same_page, available = None, False, True
        target = (translations or {}).get(code)
        if target is not None:
            url, same_page = (target.get_url(request) or "") + suffix + query, True
        elif translations is not None:
            available = code == active_code
        elif page is None and request is not None and not _is_page_view(request):
            # A Django view inside i18n_patterns (search…): same view, other prefix.
            current = request.path + query
            translated = translate_url(current, code)
            if translated != current or code == active_code:
                url, same_page = translated, True
        if url is None and available:
            home = _locale_home(request, code)
            url = home.get_url(request) if home is not None else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "active": code == active_code,
                "same_page": same_page,
                "available": available,
            }
        )
    return links


@register.inclusion_tag("includes/view_head.html", takes_context=True)
def view_head(context, **params):
    """Canonical and hreflang links of a Django view inside i18n_patterns (the directory, the
    newsletter's subscribe page): the same view in each language and ``x-default``, with the
    ``params`` (non-empty ones) that make it another listing, such as the directory's kind."""
    request = _request(context)
    if request is None:
        return {}
    kept_params = [(name, value) for name, value in params.items() if value]
    query = f"?{urlencode(kept_params)}" if kept_params else ""
    urls = {
        code: absolute(request, translate_url(request.path, code) + query)
        for code, _name in settings.LANGUAGES
    }
    return {
        "canonical": absolute(request, request.path + query),
        "alternates": [
            *({"hreflang": code, "url": url} for code, url in urls.items()),
            {"hreflang": "x-default", "url": urls[settings.LANGUAGE_CODE]},
        ],
    }


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """``<link rel="alternate" hreflang>`` data: every published translation (aliases and
    drafts left out) plus ``x-default``."""
    request = _request(context)
    translations = _published_translations(_as_page(page), request)
    if not translations:
        return []
    suffix = _route_suffix(page, request)
    alternates = []
    default_url = None
    for code, translated in translations.items():
        url = (translated.get_full_url(request) or "") + suffix
        alternates.append({"hreflang": code, "url": url})
        if code == settings.LANGUAGE_CODE:
            default_url = url
    if default_url:
        alternates.append({"hreflang": "x-default", "url": default_url})
    return alternates


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    page = _as_page(page)
    if page is None:
        return ""
    request = _request(context)
    return (page.get_full_url(request) or "") + _route_suffix(page, request)


@register.filter
def og_locale(language_code):
    """'fr' -> 'fr_BE', as Open Graph expects."""
    return OG_LOCALES.get(str(language_code), str(language_code))


# --------------------------------------------------------------------------- navigation


def _localized_pages(pages):
    """``page.localized`` for several pages in one query: {pk: the live translation in the
    active language, or the page itself}."""
    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    translated = visible_pages(
        Page.objects.filter(
            translation_key__in=keys, locale__language_code=translation.get_language()
        )
    )
    found = {page.translation_key: page for page in translated}
    return {page.pk: found.get(page.translation_key, page) for page in pages}


def _links(stream, request):
    """LinkBlock values -> [{label, url, external}], leaving out pages nobody can see."""
    values = [block.value for block in stream]
    localized = _localized_pages([value["page"] for value in values if value.get("page")])
    links = []
    for value in values:
        page = value.get("page")
        if page is not None:
            page = localized[page.pk]
            url = page.get_url(request) if page.live else None
            external = False
        else:
            url = value.get("url")
            external = True
        if url:
            links.append({"label": value.get("label"), "url": url, "external": external})
    return links


def _mark_current(links, request):
    path = request.path if request is not None else ""
    for link in links:
        url = link["url"]
        link["current"] = not link["external"] and url == path
        link["in_section"] = (
            not link["external"] and url != path and url.count("/") > 2 and path.startswith(url)
        )
    return links


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Menus of the active language: ``primary``, ``footer_links``, ``social``, ``footer_text``.

    Falls back to the home page's visible children marked "show in menus" when no
    Navigation snippet exists yet.
    """
    request = _request(context)
    menus = kept(request, "navigation", lambda: _menus(request))
    return {
        "primary": _mark_current([dict(link) for link in menus["primary"]], request),
        "footer_links": _mark_current([dict(link) for link in menus["footer_links"]], request),
        "social": menus["social"],
        "footer_text": menus["footer_text"],
    }


def _menus(request):
    navigation = Navigation.for_active_locale()
    primary, footer_links, social, footer_text = [], [], [], ""
    if navigation is not None:
        primary = _links(navigation.primary_menu, request)
        footer_links = _links(navigation.footer_links, request)
        social = [
            {
                "network": block.value.get("network"),
                "label": dict(SOCIAL_NETWORKS).get(block.value.get("network"), ""),
                "url": block.value.get("url"),
            }
            for block in navigation.social_links
            if block.value.get("url")
        ]
        footer_text = navigation.footer_text
    else:
        home = _locale_home(request, translation.get_language())
        if home is not None:
            children = visible_pages(home.get_children()).filter(show_in_menus=True)
            primary = [
                {"label": child.title, "url": child.get_url(request), "external": False}
                for child in children
            ]
    return {
        "primary": primary,
        "footer_links": footer_links,
        "social": social,
        "footer_text": footer_text,
    }


@register.simple_tag(takes_context=True)
def locale_home(context):
    """The home page of the language being read (None if it is not published)."""
    return _locale_home(_request(context), translation.get_language())


@register.simple_tag(takes_context=True)
def find_index(context, model_label):
    """First visible page of type ``app_label.ModelName`` in the active language."""
    try:
        model = apps.get_model(model_label)
    except (LookupError, ValueError):
        return None
    language_code = translation.get_language()

    def compute():
        pages = visible_pages(model.objects.filter(locale__language_code=language_code))
        return pages.order_by("path").first()

    return kept(_request(context), f"index:{model_label}:{language_code}", compute)


# --------------------------------------------------------------------------- listings


def _in_other_language(context, shown) -> bool:
    page = context.get("page")
    return page is not None and shown is not None and shown.locale_id != page.locale_id


@register.simple_tag(takes_context=True)
def lang_if_other(context, shown):
    """` lang="fr"` on the element holding ``shown``'s text when a listing shows it in another
    language than the page being read (a fallback, cms.core.fallback); else nothing."""
    if not _in_other_language(context, shown):
        return ""
    return format_html(' lang="{}"', shown.locale.language_code)


@register.inclusion_tag("includes/other_language.html", takes_context=True)
def other_language_label(context, shown):
    """The visible "In another language" label of a card showing a fallback version."""
    return {"shown": _in_other_language(context, shown)}


@register.simple_tag
def study_themes(index_page):
    """Categories (in the index's language) that at least one visible study is filed under."""
    keys = set(
        Category.objects.filter(
            pk__in=index_page.studies().values("study_themes__category")
        ).values_list("translation_key", flat=True)
    )
    return list(
        Category.objects.public().filter(locale=index_page.locale, translation_key__in=keys)
    )


# --------------------------------------------------------------------------- small filters


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = _request(context)
    if not url or request is None or "://" in url:
        return url or ""
    return absolute(request, url)


@register.filter
def page_type_label(page):
    """The verbose name of a page's type ("blog article", "event"…), for search results."""
    model = getattr(page, "specific_class", None) or type(page)
    return model._meta.verbose_name


@register.filter
def phone_href(number):
    """'+32 65 00 00 00' -> 'tel:+3265000000'."""
    number = str(number or "").strip()
    digits = re.sub(r"[^\d]", "", number)
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"


@register.simple_tag
def osm_url(latitude, longitude, zoom=17):
    """OpenStreetMap link centred on a point, with a marker (no JavaScript on our side)."""
    if latitude is None or longitude is None:
        return ""
    lat, lon = str(latitude), str(longitude)
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={zoom}/{lat}/{lon}"


@register.filter
def json_ld(data):
    """Render a dict as a ``<script type="application/ld+json">`` element, safely escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


IFRAME_WITHOUT_TITLE = re.compile(r"<iframe(?![^>]*\stitle=)", re.IGNORECASE)


@register.filter
def titled_iframes(html, title):
    """Give embedded iframes a title (screen readers announce frames by it)."""
    if not html:
        return ""
    title_attr = format_html(' title="{}"', title)
    return mark_safe(IFRAME_WITHOUT_TITLE.sub(f"<iframe{title_attr}", str(html)))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_links(context, items):
    """Links through the pages of ``items``: this address with another ``page``, the other
    query parameters (filters) kept."""

    def url_for(number):
        query = context.request.GET.copy()
        query["page"] = number
        return f"?{query.urlencode()}"

    return listing.page_links(items, url_for)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """Visible ancestors of a page, from its locale's home page down (the page excluded); the
    same for every page of a section, so kept per content version (cms.core.kept)."""
    page = _as_page(page)
    if page is None:
        return []

    def compute():
        ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth")
        return list(visible_pages(ancestors))

    return kept(_request(context), f"ancestors:{page.path[: -Page.steplen]}", compute)


COUNTRY_NAMES = {
    "BE": _("Belgium"),
    "FR": _("France"),
    "NL": _("Netherlands"),
    "LU": _("Luxembourg"),
    "DE": _("Germany"),
    "GB": _("United Kingdom"),
}


@register.filter
def country_name(code):
    """'BE' -> 'Belgium' in the visitor's language; unknown codes are shown as they are."""
    code = str(code or "").upper()
    return COUNTRY_NAMES.get(code, code)


# --------------------------------------------------------------------------- kept fragments


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = _request(context)
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        # The scheme and host too: a fragment may hold absolute URLs (cms.core.base_url).
        parts = [base_url(request), *(str(part.resolve(context)) for part in self.parts)]
        key = "fragment:" + ":".join(parts)
        return kept(request, key, lambda: self.nodelist.render(context))


@register.tag
def kept_fragment(parser, token):
    """``{% kept_fragment "name" page.pk %}…{% endkept_fragment %}``: the enclosed HTML,
    rendered once per content version, site, language and scheme://host (cms.core.kept) and
    reused for every visitor; the name and arguments make the key. Only for what reads
    nothing of the visitor or of the request but those; rendered afresh in previews. Variables the
    fragment sets (``{% … as x %}``) are not seen after it."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


# --------------------------------------------------------------------------- list sections


class ListSectionNode(template.Node):
    template_name = "includes/list_section.html"

    def __init__(self, items, name, options, nodelist):
        self.items = items
        self.name = name
        self.options = options
        self.nodelist = nodelist

    def render(self, context):
        items = self.items.resolve(context)
        if not items:
            return ""
        entries = []
        with context.push():
            for item in items:
                context[self.name] = item
                entries.append(self.nodelist.render(context))
        values = {key: value.resolve(context) for key, value in self.options.items()}
        section = context.template.engine.get_template(self.template_name)
        return section.render(context.new({**values, "entries": entries}))


@register.tag
def list_section(parser, token):
    """``{% list_section items as item heading_id="…" title=… list_class="…" %}<li>…</li>
    {% endlist_section %}``: a section titled ``title`` (an h2 that labels it) holding a list,
    the enclosed HTML once per item; nothing at all when there is no item. Optional:
    ``section_class``."""
    bits = token.split_contents()
    if len(bits) < 4 or bits[2] != "as":
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs 'items as name' first")
    options = token_kwargs(bits[4:], parser)
    missing = {"heading_id", "title", "list_class"} - set(options)
    if missing or len(options) != len(bits) - 4:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' needs heading_id, title and list_class as key=value"
        )
    nodelist = parser.parse(("endlist_section",))
    parser.delete_first_token()
    return ListSectionNode(parser.compile_filter(bits[1]), bits[3], options, nodelist)
