"""Pages in the site search (search/site.py): events, studies, and every other page, each
kind a group of its own; only live, public pages of the visitor's language."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from search import site
from search.pages import search_pages

from .content_version import content_version
from .models.keywords import PageKeyword
from .models.pages import SITE_DESCRIPTION
from .visibility import searchable_pages

#: page kinds of their own, by model label; every other page type is a "page"
PAGE_KINDS = {
    "events": ("events.EventPage", _("Events"), 20),
    "studies": ("studies.StudyPage", _("Studies"), 30),
}
KNOWN_SECONDS = 300  # titles for suggestions, kept at most this long (or until a change)


def _content_types(labels) -> list:
    return [ContentType.objects.get_for_model(apps.get_model(label)) for label in labels]


def visible_pages_of(kind: str, language: str):
    """The live, public pages of ``kind`` in ``language`` (the site root excluded)."""
    pages = visible_pages_of_language(language)
    if kind in PAGE_KINDS:
        return pages.filter(content_type__in=_content_types([PAGE_KINDS[kind][0]]))
    return pages.exclude(content_type__in=_content_types(m for m, *_ in PAGE_KINDS.values()))


def _summary(page) -> str:
    text = page.meta_description
    return "" if text == str(SITE_DESCRIPTION) else text


def searcher(kind: str):
    def run(text: str, language: str, offset: int, limit: int) -> site.Found:
        visible = visible_pages_of(kind, language)
        # Pages an editor gave these words as a keyword come first, then what the engine finds.
        promoted = list(
            visible.filter(search_keywords__keyword=site.normalise_query(text))
            .specific()
            .order_by("path")
        )
        pages = Page.objects.filter(pk__in=visible.values("pk")).exclude(
            pk__in=[page.pk for page in promoted]
        )
        results, degraded = search_pages(pages.specific(), text, operator="and", language=language)
        total = len(promoted) + results.count()
        shown = promoted[offset : offset + limit]
        if len(shown) < limit:
            start = max(0, offset - len(promoted))
            shown += list(results[start : start + limit - len(shown)])
        hits = [
            site.SiteHit(
                title=page.title,
                url=page.get_url(),
                summary=_summary(page),
                language=language,
                type_label=str(page.specific_class._meta.verbose_name).capitalize(),
            )
            for page in shown
        ]
        return site.Found(total=total, hits=hits, degraded=degraded)

    return run


def _known(kind: str, language: str) -> list[site.Known]:
    pages = visible_pages_of(kind, language).specific().order_by("path")
    return [site.Known(page.title, page.get_url()) for page in pages]


def knower(kind: str):
    def known(language: str) -> list[site.Known]:
        key = f"site-known:{content_version()}:{kind}:{language}"
        found = cache.get(key)
        if found is None:
            found = _known(kind, language)
            cache.set(key, found, KNOWN_SECONDS)
        return found

    return known


def register_site_sources() -> None:
    register_miss_actions()
    kinds = {"pages": (None, _("Pages"), 10), **PAGE_KINDS}
    for kind, (_model, label, order) in kinds.items():
        site.register(
            site.SiteSource(
                kind=kind,
                label=lambda label=label: label,
                search=searcher(kind),
                known=knower(kind),
                order=order,
            )
        )


# ---------------------------------------------------------------------- searches without results


def page_targets(language: str, user) -> list[tuple[str, str]]:
    """Live pages of ``language`` the user may edit, to give a search as a keyword."""
    pages = visible_pages_of_language(language).order_by("path")
    return [
        (str(page.pk), page.title) for page in pages if page.permissions_for_user(user).can_edit()
    ]


def add_page_keyword(words: str, language: str, target: str, user) -> str:
    """The site search shows the page first for ``words`` from now on."""
    page = visible_pages_of_language(language).get(pk=int(target))
    if not PagePermissionPolicy().user_has_permission_for_instance(user, "change", page):
        raise PermissionDenied
    PageKeyword.objects.get_or_create(page=page, keyword=site.normalise_query(words))
    return gettext("“%(words)s” now leads to the page “%(page)s”.") % {
        "words": words,
        "page": page.title,
    }


def visible_pages_of_language(language: str):
    locale = Locale.objects.filter(language_code=language).first()
    return searchable_pages(Page.objects.filter(locale=locale, depth__gt=2))


def register_miss_actions() -> None:
    site.register_miss_action(
        site.MissAction(
            name="page",
            label=lambda: gettext("Keyword of a page"),
            targets=page_targets,
            apply=add_page_keyword,
        )
    )
