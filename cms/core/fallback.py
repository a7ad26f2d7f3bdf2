"""Language fallback: a page missing in the visitor's language is shown in the next one.

One rule for the API (`?locale=nl&fallback=fr,en`, cms.api.locale) and every listing of the
site (``listed()``: the blog, the agenda, the studies, the spaces, the newsletter archive, the
home page's blocks, a space's events): for each page (one translation key), the version in the
first language of the chain that a visitor can see. The chain is the requested language, then
the asked fallbacks, else LANGUAGE_FALLBACK (the languages to try, in order, minus the requested
one).
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page

from .visibility import visible_pages


def default_fallback(language: str) -> list[str]:
    """The configured languages to try after ``language``, in order."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    chain = getattr(settings, "LANGUAGE_FALLBACK", codes)
    return [code for code in chain if code != language and code in codes]


def first_visible_version(queryset, visible, chain: list[str]):
    """The pages of ``queryset`` in the first language of ``chain`` whose version is in
    ``visible`` (the pages a visitor can see): one query, whatever the chain's length."""
    condition = Q()
    earlier: list[str] = []
    for code in chain:
        here = Q(locale__language_code=code)
        if earlier:
            shown = visible.filter(locale__language_code__in=earlier).values("translation_key")
            here &= ~Q(translation_key__in=shown)
        condition |= here
        earlier.append(code)
    return queryset.filter(condition)


def best_version(page, visible, chain: list[str]):
    """``page``'s version in the first language of ``chain`` a visitor can see, or None."""
    found = {
        version.locale.language_code: version
        for version in visible.filter(
            translation_key=page.translation_key, locale__language_code__in=chain
        ).select_related("locale")
    }
    return next((found[code] for code in chain if code in found), None)


def listed(queryset, language: str, *, under=None, descendants: bool = False, request=None):
    """The pages of ``queryset`` a visitor reading ``language`` finds in a listing: each page
    once, in ``language`` when a visitor can see that version, else in the first language of
    ``default_fallback(language)`` that has a visible version (the cards then say so, with the
    version's ``lang``). ``under``: only the children (or the ``descendants``) of this index
    page, in any of its translations. One query for the index's translations when ``under`` is
    given; the listing itself is one query."""
    if under is not None:
        in_any_version = Q()
        for version in under.get_translations(inclusive=True):
            in_any_version |= (
                Page.objects.descendant_of_q(version)
                if descendants
                else Page.objects.child_of_q(version)
            )
        queryset = queryset.filter(in_any_version)
    return first_visible_version(
        visible_pages(queryset, request),
        visible_pages(Page.objects.all(), request),
        [language, *default_fallback(language)],
    )
