"""Translated, ASCII page slugs.

Page slugs are ASCII: one saved with accents (typed in a form that does not slugify it) is
saved transliterated ("coworking-à-tournai" -> "coworking-a-tournai").

When the title of a page is translated (by hand or by machine) and its slug segment is left
as it was (untranslated, the French slug, a machine "translation" of the slug, or a slug this
module made from an earlier title), the slug segment gets the ASCII slug of the translated
title. Publishing a translation then never waits for its slug, and /nl/ addresses are Dutch.
"""

from django.db.models.signals import post_init, post_save, pre_save
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from cms.core.admin_names import CatalogName

#: ``StringTranslation.tool_name`` of slugs made here (re-made when the title changes); the
#: translation editor names it ("Translated with … on …") in the editor's language
SLUG_FROM_TITLE = gettext_noop("slug from title")


def ascii_slug(text: str) -> str:
    """'Coworking à Tournai' -> 'coworking-a-tournai'."""
    return slugify(text)[:255]


def _slug_is_replaceable(existing: StringTranslation | None, source_slug: str) -> bool:
    return (
        existing is None
        or existing.tool_name == SLUG_FROM_TITLE
        or existing.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
        or StringValue(existing.data).render_text() == source_slug
    )


def slug_from_title(sender, instance: StringTranslation, raw=False, **kwargs):
    if raw or instance.context.path != "title":
        return
    slug_segment = (
        StringSegment.objects.filter(context__object_id=instance.context.object_id)
        .filter(context__path="slug")
        .select_related("string", "context")
        .order_by("-source__last_updated_at")
        .first()
    )
    if slug_segment is None:  # not a page
        return
    slug = ascii_slug(StringValue(instance.data).render_text())
    if not slug:
        return
    existing = StringTranslation.objects.filter(
        translation_of=slug_segment.string, locale=instance.locale, context=slug_segment.context
    ).first()
    if not _slug_is_replaceable(existing, slug_segment.string.data):
        return
    StringTranslation.objects.update_or_create(
        translation_of=slug_segment.string,
        locale=instance.locale,
        context=slug_segment.context,
        defaults={
            "data": StringValue.from_plaintext(slug).data,
            "translation_type": instance.translation_type,
            "tool_name": SLUG_FROM_TITLE,
            "last_translated_by": instance.last_translated_by,
            "has_error": False,
            "field_error": "",
        },
    )


def ascii_page_slug(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or not instance.slug or instance.slug.isascii():
        return
    slug = ascii_slug(instance.slug) or "page"
    parent = instance.get_parent() if instance.path and instance.depth > 1 else None
    instance.slug = (
        find_available_slug(parent, slug, ignore_page_id=instance.pk) if parent else slug
    )
    if parent is not None:
        instance.set_url_path(parent)  # Page.save() computed it from the slug before this signal


def name_the_tool(sender, instance, **kwargs):
    if instance.__dict__.get("tool_name") == SLUG_FROM_TITLE:
        instance.tool_name = CatalogName(SLUG_FROM_TITLE)


def connect():
    post_save.connect(slug_from_title, sender=StringTranslation, dispatch_uid="slug_from_title")
    post_init.connect(name_the_tool, sender=StringTranslation, dispatch_uid="slug_tool_name")
    pre_save.connect(ascii_page_slug, dispatch_uid="ascii_page_slug")
