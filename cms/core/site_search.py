"""Pages in the site search (search/site.py): events, studies, and every other page, each
kind a group of its own; only live, public pages of the visitor's language."""

from collections.abc import Iterator

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from search import site
from search.pages import count_pages_by, first_pages

from .content_version import content_version
from .kept import kept
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


def is_of_kind(kind: str, content_type_id) -> bool:
    own = {content_type.pk for content_type in _content_types(m for m, *_ in PAGE_KINDS.values())}
    if kind in PAGE_KINDS:
        return content_type_id == _content_types([PAGE_KINDS[kind][0]])[0].pk
    return content_type_id not in own


def _summary(page) -> str:
    text = page.meta_description
    return "" if text == str(SITE_DESCRIPTION) else text


def _hit(page, language: str) -> site.SiteHit:
    return site.SiteHit(
        title=page.title,
        url=page.get_url(),
        summary=_summary(page),
        language=language,
        type_label=str(page.specific_class._meta.verbose_name).capitalize(),
    )


def _presented_now(pages, language: str) -> dict:
    return {page.pk: _hit(page, language) for page in pages.specific()}


def _presented(pks: list, language: str) -> list[site.SiteHit]:
    """The hits of the pages ``pks``, in that order. Every visible page of the language is
    presented once per content version (kept by the process, like the menus): a search then
    reads no page and no address whatever kinds of pages it finds. Without anything kept
    (SITE_CHROME_CACHE_SECONDS = 0), the pages found are read at once."""
    presented = {}
    if settings.SITE_CHROME_CACHE_SECONDS:
        presented = kept(
            None,
            ("site-search-pages", language),
            lambda: _presented_now(visible_pages_of_language(language), language),
        )
    missing = [pk for pk in pks if pk not in presented]
    if missing:  # published since, or nothing kept
        presented = {**presented, **_presented_now(Page.objects.filter(pk__in=missing), language)}
    return [presented[pk] for pk in pks if pk in presented]


def _visible(language: str):
    """The language's visible pages, read once for every kind of one site search."""
    return site.shared(("visible-pages", language), lambda: visible_pages_of_language(language))


def _promoted(text: str, language: str) -> list:
    """Pages an editor gave these words as a keyword (every kind), in tree order."""
    words = site.normalise_query(text)

    def read():
        pages = _visible(language).filter(search_keywords__keyword=words)
        return list(pages.order_by("path"))

    return site.shared(("promoted-pages", words, language), read)


def _searched(language: str, promoted: list):
    """The pages the engine searches: visible, not already promoted."""
    pages = Page.objects.filter(pk__in=_visible(language).values("pk"))
    return pages.exclude(pk__in=[page.pk for page in promoted])


def _counts(text: str, language: str, promoted: list) -> tuple[dict, bool]:
    """({content type id: matching pages}, degraded) for every kind at once: one search."""

    def count():
        counts, degraded = count_pages_by(
            _searched(language, promoted),
            text,
            "content_type_id",
            operator="and",
            language=language,
        )
        return {int(key): number for key, number in counts.items() if key is not None}, degraded

    return site.shared(("page-counts", text, language), count)


def _hits(kind: str, text: str, language: str, promoted: list, start: int, stop: int):
    """(the matching pages of ``kind`` from ``start`` to ``stop``, best first, degraded): one
    query, whatever models the pages are of (presented by ``_presented``)."""
    searched = _searched(language, promoted)
    if kind in PAGE_KINDS:
        model = apps.get_model(PAGE_KINDS[kind][0])
        pages = model.objects.filter(pk__in=searched.values("pk"))
    else:
        others = _content_types(m for m, *_ in PAGE_KINDS.values())
        pages = searched.exclude(content_type__in=others)
    return first_pages(pages, text, start, stop, operator="and", language=language)


def searcher(kind: str):
    def run(text: str, language: str, offset: int, limit: int) -> site.Found:
        # Pages an editor gave these words as a keyword come first, then what the engine finds.
        every_kind = _promoted(text, language)
        promoted = [page for page in every_kind if is_of_kind(kind, page.content_type_id)]
        counts, degraded = _counts(text, language, every_kind)
        found = sum(number for key, number in counts.items() if is_of_kind(kind, key))
        total = len(promoted) + found
        shown = promoted[offset : offset + limit]
        start = max(0, offset - len(promoted))
        if len(shown) < limit and start < found:
            more, more_degraded = _hits(
                kind, text, language, every_kind, start, start + limit - len(shown)
            )
            shown += more
            degraded = degraded or more_degraded
        hits = _presented([page.pk for page in shown], language)
        return site.Found(total=total, hits=hits, degraded=degraded)

    return run


def _known(kind: str, language: str) -> list[site.Known]:
    pages = visible_pages_of(kind, language).specific().order_by("path")
    return [site.Known(page.title, page.get_url()) for page in pages]


def _known_of_every_kind(language: str) -> dict[str, list[site.Known]]:
    """The titles of every kind of page, kept together: one read of the cache for all."""
    key = f"site-known:{content_version()}:{language}"
    found = cache.get(key)
    if found is None:
        found = {kind: _known(kind, language) for kind in ("pages", *PAGE_KINDS)}
        cache.set(key, found, KNOWN_SECONDS)
    return found


def knower(kind: str):
    def known(language: str) -> list[site.Known]:
        every_kind = site.shared(("known-pages", language), lambda: _known_of_every_kind(language))
        return every_kind[kind]

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


TARGETS_READ_AT_ONCE = 20


def page_targets(language: str, user) -> Iterator[tuple[str, str]]:
    """Live pages of ``language`` the user may edit, to give a search as a keyword: among the
    pages their groups may change, those the page's own permission tester lets them edit.
    Read a few at a time, so that asking whether there is any stops at the first."""
    pages = visible_pages_of_language(language).filter(pk__in=editable_page_ids(user))
    for page in pages.order_by("path").specific().iterator(chunk_size=TARGETS_READ_AT_ONCE):
        if page.permissions_for_user(user).can_edit():
            yield str(page.pk), page.title


def editable_page_ids(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change").values("pk")


def add_page_keyword(words: str, language: str, target: str, user) -> str:
    """The site search shows the page first for ``words`` from now on."""
    page = visible_pages_of_language(language).get(pk=int(target)).specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    PageKeyword.objects.get_or_create(page=page, keyword=site.normalise_query(words))
    return gettext("“%(words)s” now leads to the page “%(page)s”.") % {
        "words": words,
        "page": page.title,
    }


def visible_pages_of_language(language: str):
    return searchable_pages(Page.objects.filter(locale__language_code=language, depth__gt=2))


def register_miss_actions() -> None:
    site.register_miss_action(
        site.MissAction(
            name="page",
            label=lambda: gettext("Keyword of a page"),
            targets=page_targets,
            apply=add_page_keyword,
        )
    )
