"""Serializers of the public API: Wagtail's, made safe and complete.

- StreamField bodies: structured JSON; rich text as {"html": resolved HTML, "source": stored
  HTML}; images as renditions (url, width, height, alt); documents with download URLs; page
  choosers as small page references. Everything the body points to is loaded in bulk for the
  whole batch of pages being listed (a bounded number of queries whatever the page size).
- Related images, documents and pages that a visitor could not see are null.
- Each page carries its translations in meta.
"""

import copy
import datetime
import math
import re
from collections import defaultdict
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone, translation
from django.utils.html import strip_tags
from rest_framework import serializers
from rest_framework.fields import Field, SkipField
from taggit.managers import _TaggableManager
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from cms.blog.models import Author
from cms.core.content_version import content_version
from cms.core.http import django_request
from cms.core.models import Category
from cms.core.visibility import choose_shown, media_is_visible, page_is_visible, visible_pages
from cms.events.recurrence import (
    ATTENDANCE_COLUMNS,
    SCHEDULE_COLUMNS,
    attendance_mode_of,
    rrule_text,
    schedule_of,
)
from cms.newsletter.rendering import sections
from cms.spaces.models import SpacePage
from cms.translations.status import translation_statuses_for

from .images import default_spec, requested_renditions
from .links import get_links
from .params import parse_date

_ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_url(request, url):
    return get_links(request).full(url)


def absolutize_html(request, html: str) -> str:
    base = get_links(request).full("/").rstrip("/")
    return _ROOT_RELATIVE.sub(lambda match: f"{match.group(1)}{base}/", html)


def rich_text(request, source: str | None):
    if source is None:
        return None
    source = str(source)
    return {"html": absolutize_html(request, expand_db_html(source)), "source": source}


def detail_url(context, model, pk):
    if context.get("router") is None:
        return None
    return get_links(context).detail_url(model, pk)


def image_rendition_spec():
    """The default rendition of images (without ?image= or ?image_format=)."""
    return default_spec()


def image_filter_specs(request) -> list[str]:
    """The Wagtail filter specs every image of this answer is shown with (for prefetching)."""
    return requested_renditions(request).filter_specs()


def focal_point(image):
    if image.focal_point_x is None or image.focal_point_y is None:
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width,
        "height": image.focal_point_height,
    }


def image_representation(context, image, alt=None):
    """An image as a rendition: url, width, height, alt (null if its collection is private).

    With ?image= or ?image_format= (cms.api.images), also its format, focal point and srcset
    variants."""
    if image is None or not media_is_visible(image, context.get("request")):
        return None
    request = context["request"]
    choice = requested_renditions(request)
    variants = choice.variants()
    renditions = list(image.get_renditions(*(spec for _scale, spec in variants)).values())
    main = renditions[[scale for scale, _spec in variants].index(1)]
    data = {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text,
        "url": absolute_url(request, main.url),
        "width": main.width,
        "height": main.height,
        "original": {
            "url": absolute_url(request, image.file.url),
            "width": image.width,
            "height": image.height,
        },
        "detail_url": detail_url(context, type(image), image.pk),
    }
    if choice.srcset:
        seen = set()
        srcset = []
        for (scale, _spec), rendition in zip(variants, renditions, strict=True):
            if rendition.width in seen:  # Wagtail does not upscale: the same size again
                continue
            seen.add(rendition.width)
            srcset.append(
                {
                    "url": absolute_url(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                    "scale": scale,
                }
            )
        data["spec"] = choice.spec
        data["format"] = choice.image_format
        data["focal_point"] = focal_point(image)
        data["srcset"] = srcset
        data["srcset_attribute"] = ", ".join(f"{item['url']} {item['width']}w" for item in srcset)
    return data


def document_representation(context, document):
    if document is None or not media_is_visible(document, context.get("request")):
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "download_url": absolute_url(context["request"], document.url),
        "file_extension": document.file_extension,
        "file_size": document.file_size,
        "detail_url": detail_url(context, type(document), document.pk),
    }


def page_reference(context, page):
    """A link to a page: null unless a visitor can see it."""
    if page is None or not page_is_visible(page, context.get("request")):
        return None
    request = context["request"]
    return {
        "id": page.pk,
        "title": page.title,
        "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"
        if page.specific_class
        else None,
        "locale": page.locale.language_code,
        "detail_url": detail_url(context, Page, page.pk),
        "html_url": get_links(request).page_url(page.url_path),
    }


class StreamRenderer:
    """Renders StreamField raw data for a batch of objects, with bulk look-ups.

    For each field name it renders, it first walks that field of every object of the batch,
    collects the ids of the images, documents and pages the blocks point to, and loads them
    in one query per model (renditions prefetched).
    """

    def __init__(self, context, batch):
        self.context = context
        self.batch = batch
        self.primed_fields = set()
        self.images = {}
        self.documents = {}
        self.pages = {}

    # Collecting ---------------------------------------------------------------------------
    def _collect(self, block, raw, wanted):
        if raw is None:
            return
        if isinstance(block, ImageChooserBlock):
            wanted["image"].add(_as_id(raw))
        elif isinstance(block, DocumentChooserBlock):
            wanted["document"].add(_as_id(raw))
        elif isinstance(block, blocks.PageChooserBlock):
            wanted["page"].add(_as_id(raw))
        elif isinstance(block, blocks.StreamBlock):
            for item in raw or []:
                child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
                if child is not None:
                    self._collect(child, item.get("value"), wanted)
        elif isinstance(block, blocks.StructBlock):
            if isinstance(raw, dict):
                for name, child in block.child_blocks.items():
                    self._collect(child, raw.get(name), wanted)
        elif isinstance(block, blocks.ListBlock):
            for item in raw or []:
                self._collect(block.child_block, _list_item_value(item), wanted)

    def prime(self, field_name):
        if field_name in self.primed_fields:
            return
        self.primed_fields.add(field_name)
        wanted = {"image": set(), "document": set(), "page": set()}
        for obj in self.batch:
            value = getattr(obj, field_name, None)
            if value is None or not hasattr(value, "raw_data"):
                continue
            self._collect(value.stream_block, list(value.raw_data), wanted)
        self._load(wanted)

    def _load(self, wanted):
        image_ids = {pk for pk in wanted["image"] if pk and pk not in self.images}
        if image_ids:
            specs = image_filter_specs(self.context.get("request"))
            found = get_image_model().objects.filter(pk__in=image_ids)
            for image in found.prefetch_renditions(*specs):
                self.images[image.pk] = image
        document_ids = {pk for pk in wanted["document"] if pk and pk not in self.documents}
        if document_ids:
            for document in get_document_model().objects.filter(pk__in=document_ids):
                self.documents[document.pk] = document
        page_ids = {pk for pk in wanted["page"] if pk and pk not in self.pages}
        if page_ids:
            for page in Page.objects.filter(pk__in=page_ids).select_related("locale"):
                self.pages[page.pk] = page

    # Rendering ----------------------------------------------------------------------------
    def render_field(self, obj, field_name):
        self.prime(field_name)
        value = getattr(obj, field_name)
        return self._render(value.stream_block, list(value.raw_data))

    def _render(self, block, raw):
        context = self.context
        if isinstance(block, blocks.RichTextBlock):
            return rich_text(context["request"], raw or "")
        if isinstance(block, ImageChooserBlock):
            return image_representation(context, self.images.get(_as_id(raw)))
        if isinstance(block, DocumentChooserBlock):
            return document_representation(context, self.documents.get(_as_id(raw)))
        if isinstance(block, blocks.PageChooserBlock):
            return page_reference(context, self.pages.get(_as_id(raw)))
        if isinstance(block, blocks.StreamBlock):
            items = []
            for item in raw or []:
                if not isinstance(item, dict):
                    continue
                child = block.child_blocks.get(item.get("type"))
                if child is None:
                    continue
                items.append(
                    {
                        "type": item["type"],
                        "value": self._render(child, item.get("value")),
                        "id": item.get("id"),
                    }
                )
            return items
        if isinstance(block, blocks.StructBlock):
            raw = raw if isinstance(raw, dict) else {}
            result = {
                name: self._render(child, raw.get(name))
                for name, child in block.child_blocks.items()
            }
            # An image next to its own alternative text (ImageWithCaptionBlock): use it.
            image = result.get("image")
            if isinstance(image, dict) and raw.get("alt_text"):
                image["alt"] = raw["alt_text"]
            return result
        if isinstance(block, blocks.ListBlock):
            return [self._render(block.child_block, _list_item_value(item)) for item in raw or []]
        return block.get_api_representation(block.to_python(raw), context)


def _as_id(raw):
    if isinstance(raw, dict):  # some choosers store {"id": ...}
        raw = raw.get("id")
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def _list_item_value(item):
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return item["value"]
    return item


def stream_renderer(context):
    renderer = context.get("_coffee_stream")
    if renderer is None:
        view = context.get("view")
        batch = getattr(view, "batch", None) or []
        renderer = StreamRenderer(context, batch)
        context["_coffee_stream"] = renderer
    return renderer


class WholeObjectField(Field):
    """A read-only field computed from the whole object rather than from one attribute."""

    def get_attribute(self, instance):
        return instance


class StreamFieldSerializer(WholeObjectField):
    def to_representation(self, instance):
        renderer = stream_renderer(self.context)
        if instance not in renderer.batch:
            renderer.batch = [*renderer.batch, instance]
        return renderer.render_field(instance, self.field_name)


class RichTextFieldSerializer(Field):
    def to_representation(self, value):
        return rich_text(self.context["request"], value)


class TagsField(Field):
    """Tag names, sorted, from the prefetched tags (no query per object); an object that
    names its tags in its own language (``tag_names``: blog articles) gives those."""

    def to_representation(self, value):
        names = getattr(value.instance, "tag_names", None)
        return names if names is not None else sorted(tag.name for tag in value.all())


class VisibleRelatedField(wagtail_serializers.RelatedField):
    """A foreign key: null when it points to something a visitor could not see."""

    def to_representation(self, value):
        request = self.context.get("request")
        if isinstance(value, Page) and not page_is_visible(value, request):
            return None
        if hasattr(value, "collection_id") and not media_is_visible(value, request):
            return None
        return super().to_representation(value)


class ImageField(Field):
    """An image foreign key as a rendition (url, width, height, alt)."""

    def to_representation(self, value):
        return image_representation(self.context, value)


class HeroImageField(WholeObjectField):
    """An article's hero image, with what it shows (``alt``) and its ``caption`` in the
    article's language: one image serves every translation."""

    def to_representation(self, page):
        image = image_representation(self.context, page.hero_image, alt=page.hero_image_alt)
        if image is not None:
            image["caption"] = page.hero_image_caption
        return image


class PageHtmlUrlField(WholeObjectField):
    def to_representation(self, page):
        return get_links(self.context).page_url(page.url_path)


class DetailUrlField(Field):
    """The object's address in the API (Wagtail's DetailUrlField, without reverse() per object)."""

    def get_attribute(self, instance):
        model = instance.api_model if isinstance(instance, PageRow) else type(instance)
        return detail_url(self.context, model, instance.pk)

    def to_representation(self, url):
        return url


def nested_page(context, page):
    """Wagtail's representation of a related page (parent, alias_of), with this API's fields."""
    serializer_class = wagtail_serializers.get_serializer_class(
        page.__class__,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=PageSerializer,
    )
    return serializer_class(context=context).to_representation(page)


class PageParentField(wagtail_serializers.PageParentField):
    def get_attribute(self, instance):
        parent = instance.get_parent()
        if parent is None or parent.depth <= 1:
            return None
        return parent if page_is_visible(parent, self.context.get("request")) else None

    def to_representation(self, value):
        return nested_page(self.context, value)


class PageAliasOfField(wagtail_serializers.PageAliasOfField):
    def get_attribute(self, instance):
        alias_of = instance.alias_of
        if alias_of is None or not page_is_visible(alias_of, self.context.get("request")):
            return None
        return alias_of

    def to_representation(self, value):
        return nested_page(self.context, value)


class TranslationIndex:
    """The visible translations of every page of the batch, in one query (rows, not pages)."""

    def __init__(self, rows=()):
        self.by_key = defaultdict(list)
        for row in rows:
            self.by_key[row[3]].append(row)

    @classmethod
    def load(cls, context, batch):
        keys = {page.translation_key for page in batch}
        if not keys:
            return cls()
        return cls(
            visible_pages(Page.objects.filter(translation_key__in=keys), context.get("request"))
            .order_by("locale_id")
            .values_list(*TRANSLATION_COLUMNS)
        )


TRANSLATION_COLUMNS = ("id", "title", "url_path", "translation_key", "locale__language_code")


class TranslationsField(WholeObjectField):
    """meta.translations: this page in the other locales where a visitor can read it."""

    def to_representation(self, page):
        context = self.context
        index = context.get("_coffee_translations")
        if index is None:
            view = context.get("view")
            batch = list(getattr(view, "batch", None) or [])
            if page not in batch:
                batch.append(page)
            index = TranslationIndex.load(context, batch)
            context["_coffee_translations"] = index
        elif page.translation_key not in index.by_key:
            index.by_key.update(TranslationIndex.load(context, [page]).by_key)
        links = get_links(context)
        return [
            {
                "locale": language_code,
                "id": pk,
                "title": title,
                "url": detail_url(context, Page, pk),
                "html_url": links.page_url(url_path),
            }
            for pk, title, url_path, _key, language_code in index.by_key.get(
                page.translation_key, []
            )
            if pk != page.pk
        ]


def translation_representation(status) -> dict:
    """Where a translation stands, as the API says it (details: see translation_states)."""
    last = status.last_synchronised
    return {
        "source_locale": status.source_locale,
        "state": status.state,
        "outdated": status.is_outdated,
        "machine_translated": status.machine_translated,
        "reviewed": not status.machine_translated,
        "last_synchronised": last.isoformat() if last else None,
        "changed_segments": list(status.changed_segments),
    }


def translation_states(objects, details=False) -> list[dict]:
    """translation_representation() of each object (pages, page rows, directory records), from
    the TRANSLATION_STATUS_CACHE while the content version stays, computed for all the others
    at once. Without details, the paths of the changed segments are left out."""
    objects = list(objects)
    alias = settings.TRANSLATION_STATUS_CACHE
    cache = caches[alias] if alias else None
    version = content_version()
    keys = [
        f"translation-status:{version}:{obj.translation_key}:{obj.locale_id}" for obj in objects
    ]
    found = cache.get_many(keys) if cache is not None and keys else {}
    missing = [(key, obj) for key, obj in zip(keys, objects, strict=True) if key not in found]
    if missing:
        computed = translation_statuses_for(obj for _key, obj in missing)
        fresh = {
            key: translation_representation(status)
            for (key, _obj), status in zip(missing, computed, strict=True)
        }
        if cache is not None:
            cache.set_many(fresh)
        found.update(fresh)
    if details:
        return [found[key] for key in keys]
    return [
        {name: value for name, value in found[key].items() if name != "changed_segments"}
        for key in keys
    ]


class TranslationStatusField(WholeObjectField):
    """meta.translation: the page's translation status, for the whole batch at once; a detail
    lists the paths of the segments changed since the last synchronisation."""

    def to_representation(self, page):
        context = self.context
        view = context.get("view")
        statuses = context.setdefault("_coffee_translation_statuses", {})
        if page.pk not in statuses:
            batch = [item for item in getattr(view, "batch", None) or [] if item.pk not in statuses]
            if page not in batch:
                batch.append(page)
            details = getattr(view, "action", None) == "detail_view"
            statuses.update(
                (item.pk, state)
                for item, state in zip(batch, translation_states(batch, details), strict=True)
            )
        return statuses[page.pk]


_SERIALIZER_FIELD_MAPPING = serializers.ModelSerializer.serializer_field_mapping.copy()
_SERIALIZER_FIELD_MAPPING.update(
    {
        wagtail_fields.StreamField: StreamFieldSerializer,
        wagtail_fields.RichTextField: RichTextFieldSerializer,
    }
)


class SafeSerializerMixin:
    serializer_field_mapping = _SERIALIZER_FIELD_MAPPING
    serializer_related_field = VisibleRelatedField

    def get_fields(self):
        """ModelSerializer's fields, built once per class: they depend on the class only (the
        endpoints keep the classes), and copying them, as DRF copies declared fields for every
        serializer, costs a quarter of building them from the model."""
        built = type(self).__dict__.get("coffee_fields")
        if built is None:
            built = super().get_fields()
            type(self).coffee_fields = copy.deepcopy(built)
            return built
        return copy.deepcopy(built)

    def build_property_field(self, field_name, model_class):
        field = getattr(model_class, field_name)
        if isinstance(field, _TaggableManager):
            return TagsField, {}
        return super().build_property_field(field_name, model_class)

    def build_relational_field(self, field_name, relation_info):
        related_model = relation_info.related_model
        if (
            not relation_info.to_many
            and related_model is not None
            and issubclass(related_model, get_image_model())
        ):
            return ImageField, {}
        return super().build_relational_field(field_name, relation_info)


class BaseSerializer(SafeSerializerMixin, wagtail_serializers.BaseSerializer):
    detail_url = DetailUrlField(read_only=True)


class PageSerializer(SafeSerializerMixin, wagtail_serializers.PageSerializer):
    detail_url = DetailUrlField(read_only=True)
    html_url = PageHtmlUrlField(read_only=True)
    parent = PageParentField(read_only=True)
    alias_of = PageAliasOfField(read_only=True)
    translations = TranslationsField(read_only=True)
    translation = TranslationStatusField(read_only=True)


class ImageDownloadUrlField(WholeObjectField):
    def to_representation(self, image):
        return absolute_url(self.context["request"], image.file.url)


class ImageRenditionField(WholeObjectField):
    def to_representation(self, image):
        data = image_representation(self.context, image)
        if data is None:
            return None
        kept = ("url", "width", "height", "format", "focal_point", "srcset", "srcset_attribute")
        return {name: data[name] for name in kept if name in data}


class ImageAltField(WholeObjectField):
    def to_representation(self, image):
        return image.default_alt_text


class ImageSerializer(BaseSerializer):
    download_url = ImageDownloadUrlField(read_only=True)
    rendition = ImageRenditionField(read_only=True)
    alt = ImageAltField(read_only=True)


class DocumentDownloadUrlField(WholeObjectField):
    def to_representation(self, document):
        return absolute_url(self.context["request"], document.url)


class DocumentSerializer(BaseSerializer):
    download_url = DocumentDownloadUrlField(read_only=True)


# Extra fields of some page types (computed, from prefetched relations) ------------------------


class AuthorsField(WholeObjectField):
    """The article's authors, each role in the article's language where it is translated."""

    def to_representation(self, page):
        translations = self.context.get("_coffee_authors")
        if translations is None:
            # Every translation of the batch's authors at once (the relation is prefetched).
            batch = getattr(self.context.get("view"), "batch", None) or []
            keys = {
                item.author.translation_key
                for other in [page, *batch]
                if hasattr(other, "article_authors")
                for item in other.article_authors.all()
            }
            rows = Author.objects.filter(translation_key__in=keys) if keys else []
            translations = {(row.translation_key, row.locale_id): row for row in rows}
            self.context["_coffee_authors"] = translations
        authors = [
            translations.get((item.author.translation_key, page.locale_id), item.author)
            for item in page.article_authors.all()
        ]
        return [{"name": author.name, "role": author.role} for author in authors]


class LocalizedCategoriesField(WholeObjectField):
    """Published categories (blog) or themes (studies) in the page's own locale, else in the
    default language."""

    relation = "article_categories"

    def __init__(self, relation, **kwargs):
        self.relation = relation
        super().__init__(**kwargs)

    def to_representation(self, page):
        items = [item.category for item in getattr(page, self.relation).all()]
        cache = self.context.setdefault("_coffee_categories", {})
        batch = getattr(self.context.get("view"), "batch", None) or []
        # Every category of the batch at once (the relation is prefetched): one query in all.
        wanted = [
            item.category
            for other in ([page, *batch] if not cache else [page])
            if hasattr(other, self.relation)
            for item in getattr(other, self.relation).all()
        ]
        missing = {
            category.translation_key for category in wanted if category.translation_key not in cache
        }
        if missing:
            # Published ones only: a draft translation gives way to the published source.
            rows = Category.objects.public().filter(translation_key__in=missing)
            for category in rows.select_related("locale").order_by("pk"):
                cache.setdefault(category.translation_key, []).append(category)
            for key in missing:
                cache.setdefault(key, [])
        result = []
        for category in items:
            rows = cache.get(category.translation_key, [])
            localized = next((row for row in rows if row.locale_id == page.locale_id), None)
            if localized is None:
                localized = choose_shown(rows, settings.LANGUAGE_CODE).get(category.translation_key)
            if localized is not None:
                result.append({"name": localized.name, "slug": localized.slug})
        return result


class PartnersField(WholeObjectField):
    def to_representation(self, page):
        return [
            {
                "name": item.organisation.name,
                "city": item.organisation.city,
                "country": item.organisation.country,
                "website": item.organisation.website,
            }
            for item in page.study_partners.all()
        ]


class StudyDocumentsField(WholeObjectField):
    def to_representation(self, page):
        documents = [
            document_representation(self.context, item.document) for item in page.documents.all()
        ]
        return [document for document in documents if document is not None]


class GalleryField(WholeObjectField):
    def to_representation(self, page):
        images = []
        for item in page.gallery_images.all():
            image = image_representation(self.context, item.image, alt=item.alt_text)
            if image is not None:
                images.append(image)
        return images


class ReadingTimeField(WholeObjectField):
    """Minutes to read the summary and body, counted from the stored text (no rendering)."""

    def to_representation(self, page):
        words = len(strip_tags(page.summary or "").split())
        for block in page.body.raw_data:
            words += _count_words(block.get("value"))
        return max(1, math.ceil(words / 200))


def _count_words(value) -> int:
    if isinstance(value, str):
        return len(strip_tags(value).split())
    if isinstance(value, dict):
        return sum(_count_words(item) for key, item in value.items() if key not in ("id", "type"))
    if isinstance(value, list):
        return sum(_count_words(item) for item in value)
    return 0


class VenueField(WholeObjectField):
    """Where an event takes place: the network's space (in the event's locale), or free text."""

    def to_representation(self, event):
        spaces = self.context.get("_coffee_venues")
        if spaces is None:
            view = self.context.get("view")
            batch = list(getattr(view, "batch", None) or [])
            if event not in batch:
                batch.append(event)
            spaces = load_venues(batch, self.context.get("request"))
            self.context["_coffee_venues"] = spaces
        elif event.venue_space_id and event.venue_space_id not in spaces["keys"]:
            more = load_venues([event], self.context.get("request"))
            for name in ("keys", "spaces"):
                spaces[name].update(more[name])
        space = None
        key = spaces["keys"].get(event.venue_space_id)
        if key is not None:
            candidates = spaces["spaces"].get(key, {})
            space = candidates.get(event.locale_id) or candidates.get("source")
        request = self.context["request"]
        return {
            "space": {
                **{name: space[name] for name in VENUE_FIELDS},
                "locale": space["locale__language_code"],
                "detail_url": detail_url(self.context, Page, space["id"]),
                "html_url": get_links(request).page_url(space["url_path"]),
            }
            if space is not None
            else None,
            "text": event.venue_text,
        }


#: At most this many dates of a series in one answer.
MAX_LISTED_OCCURRENCES = 100


def occurrence_window(request):
    """(ending after, starting before) for the dates listed: the listing's from/to days (already
    validated by the endpoint), else from now on."""
    params = request.query_params if request is not None else {}
    after, before = timezone.now(), None
    if params.get("from"):
        after = day_start(parse_date(params["from"], "from"))
    if params.get("to"):
        before = day_end(parse_date(params["to"], "to"))
    return after, before


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def day_start(day: datetime.date) -> datetime.datetime | None:
    """When ?from= begins; None (no bound) for the calendar's first day, before any event."""
    return None if day == datetime.date.min else local_midnight(day)


def day_end(day: datetime.date) -> datetime.datetime | None:
    """When ?to= ends (the next midnight); None (no bound) for the calendar's last day."""
    return None if day == datetime.date.max else local_midnight(day + datetime.timedelta(days=1))


class OccurrencesField(WholeObjectField):
    """The dates of an event: its one date, or each date of a series (in the from/to window,
    else the upcoming ones), without the days the series skips."""

    def to_representation(self, event):
        schedule = schedule_of(event)
        moment = serializers.DateTimeField()
        if not schedule.repeats:
            found = schedule.occurrences()
        else:
            after, before = occurrence_window(self.context.get("request"))
            found = schedule.occurrences(ending_after=after, starting_before=before)
        return [
            {
                "start": moment.to_representation(item.start),
                "end": moment.to_representation(item.end),
            }
            for item in found[:MAX_LISTED_OCCURRENCES]
        ]


class RecurrenceField(WholeObjectField):
    """How a series repeats (RFC 5545 RRULE, the skipped days, its time zone), or null."""

    def to_representation(self, event):
        schedule = schedule_of(event)
        if not schedule.repeats:
            return None
        return {
            "rrule": rrule_text(schedule),
            "until": schedule.until.isoformat(),
            "exceptions": [day.isoformat() for day in schedule.exceptions],
            "time_zone": schedule.time_zone,
        }


class AttendanceModeField(WholeObjectField):
    """offline, online or mixed (the joining link is sent to registrants only)."""

    def to_representation(self, event):
        return attendance_mode_of(event)


VENUE_FIELDS = ("id", "title", "slug", "city", "country", "street_address", "postcode")


def venue_keys(events) -> dict:
    """{venue page id: its translation key} for the events' venues."""
    if all(hasattr(event, "venue_space__translation_key") for event in events):
        return {
            event.venue_space_id: event.venue_space__translation_key
            for event in events
            if event.venue_space_id
        }
    venue_ids = {event.venue_space_id for event in events if event.venue_space_id}
    if not venue_ids:
        return {}
    return dict(Page.objects.filter(pk__in=venue_ids).values_list("pk", "translation_key"))


def load_venues(events, request=None):
    """{"keys": {venue page id: translation key}, "spaces": {key: {locale id: space row}}}."""
    keys = venue_keys(events)
    rows = ()
    if keys:
        rows = visible_pages(
            SpacePage.objects.filter(translation_key__in=set(keys.values())), request
        ).values(*VENUE_COLUMNS)
    return venue_index(keys, rows)


VENUE_COLUMNS = (*VENUE_FIELDS, "translation_key", "locale_id", "locale__language_code", "url_path")


def venue_index(keys, rows) -> dict:
    spaces = defaultdict(dict)
    for space in rows:
        spaces[space["translation_key"]][space["locale_id"]] = space
        if space["id"] in keys:
            spaces[space["translation_key"]]["source"] = space
    return {"keys": keys, "spaces": spaces}


def prime_lookups(serializer, batch) -> None:
    """A listing's translations (and events' venues: pages found by translation key too) in
    one query."""
    kinds = {type(field) for field in serializer.fields.values()}
    if not batch or TranslationsField not in kinds:
        return
    with_venues = VenueField in kinds
    context = serializer.context
    keys = venue_keys(batch) if with_venues else {}
    page_keys = {page.translation_key for page in batch}
    space_keys = set(keys.values())
    columns = PAGE_VENUE_COLUMNS if with_venues else TRANSLATION_COLUMNS
    rows = (
        visible_pages(
            Page.objects.filter(translation_key__in=page_keys | space_keys),
            context.get("request"),
        )
        .order_by("locale_id")
        .values(*columns)
    )
    translations, spaces = [], []
    for row in rows:
        if row["translation_key"] in page_keys:
            translations.append(tuple(row[name] for name in TRANSLATION_COLUMNS))
        if with_venues and row["spacepage"] is not None and row["translation_key"] in space_keys:
            spaces.append({name: row[SPACE_COLUMNS.get(name, name)] for name in VENUE_COLUMNS})
    context["_coffee_translations"] = TranslationIndex(translations)
    if with_venues:
        context["_coffee_venues"] = venue_index(keys, spaces)


#: SpacePage's own columns among VENUE_COLUMNS, read from a Page query.
SPACE_COLUMNS = {
    name: f"spacepage__{name}" for name in ("city", "country", "street_address", "postcode")
}
PAGE_VENUE_COLUMNS = (
    *dict.fromkeys(
        SPACE_COLUMNS.get(name, name) for name in (*TRANSLATION_COLUMNS, *VENUE_COLUMNS)
    ),
    "spacepage",
)


# Listings from rows -------------------------------------------------------------------------

#: Model field values that values() returns exactly as the model instance holds them.
_ROW_SCALAR_FIELDS = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.DateField,
    serializers.DateTimeField,
    serializers.IntegerField,
)

#: Serializer fields computed from a PageRow: what each one reads, as values() names.
_ROW_COMPUTED_FIELDS = {
    wagtail_serializers.PageTypeField: ("content_type_id",),
    DetailUrlField: (),
    PageHtmlUrlField: ("url_path",),
    wagtail_serializers.PageLocaleField: ("locale__language_code",),
    TranslationsField: ("translation_key",),
    TranslationStatusField: ("alias_of_id",),
    VenueField: ("venue_space_id", "venue_space__translation_key", "venue_text"),
    OccurrencesField: SCHEDULE_COLUMNS,
    RecurrenceField: SCHEDULE_COLUMNS,
    AttendanceModeField: ATTENDANCE_COLUMNS,
    PageAliasOfField: ("alias_of_id",),
}

#: Always loaded: the view reads them (last modification time, bulk look-ups).
_ROW_BASE_COLUMNS = ("id", "translation_key", "locale_id", "last_published_at")


class _RowLocale:
    __slots__ = ("language_code",)

    def __init__(self, language_code):
        self.language_code = language_code


class PageRow:
    """A page of a listing as a values() row, with the attributes the serializer fields read.

    Building full page instances (Page, its specific model, the locale) costs more than
    serializing them; the default listing fields only need a few columns.
    """

    def __init__(self, model, values):
        self.__dict__.update(values)
        self.api_model = model
        self.pk = values["id"]
        self.alias_of = None
        if "locale__language_code" in values:
            self.locale = _RowLocale(values["locale__language_code"])

    @cached_property
    def specific_class(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()


def page_rows(model, rows) -> list[PageRow]:
    """PageRows of a listing, their alias_of pages loaded in one query (if any is an alias)."""
    result = [PageRow(model, values) for values in rows]
    alias_ids = {row.alias_of_id for row in result if getattr(row, "alias_of_id", None)}
    if alias_ids:
        aliased = Page.objects.in_bulk(alias_ids)
        for row in result:
            row.alias_of = aliased.get(row.alias_of_id) if row.alias_of_id else None
    return result


def row_columns(serializer, model) -> list[str] | None:
    """The values() columns a PageRow needs for these fields, or None if a field needs the page."""
    columns = dict.fromkeys(_ROW_BASE_COLUMNS)
    for field in serializer.fields.values():
        kind = type(field)
        if kind in _ROW_COMPUTED_FIELDS:
            columns.update(dict.fromkeys(_ROW_COMPUTED_FIELDS[kind]))
            continue
        if kind is not RichTextFieldSerializer and not isinstance(field, _ROW_SCALAR_FIELDS):
            return None
        try:
            model_field = model._meta.get_field(field.source)
        except FieldDoesNotExist:
            return None
        if not model_field.concrete or model_field.is_relation:
            return None
        columns[field.source] = None
    return list(columns)


def represent_rows(serializer, rows) -> list:
    """[serializer.to_representation(row) for row in rows]: Wagtail's BaseSerializer algorithm
    (id first, then meta, then the other fields; None without to_representation), with the
    fields sorted once for the whole listing instead of once per row."""
    fields = [field for field in serializer.fields.values() if not field.write_only]
    meta_fields = [field for field in fields if field.field_name in serializer.meta_fields]
    body_fields = [field for field in fields if field.field_name not in serializer.meta_fields]
    id_first = any(field.field_name == "id" for field in body_fields)
    result = []
    for row in rows:
        data = {"id": None} if id_first else {}
        meta = _represent(meta_fields, row, {})
        if meta:
            data["meta"] = meta
        result.append(_represent(body_fields, row, data))
    return result


def _represent(fields, row, into: dict) -> dict:
    for field in fields:
        try:
            attribute = field.get_attribute(row)
        except SkipField:
            continue
        into[field.field_name] = None if attribute is None else field.to_representation(attribute)
    return into


class NewsletterSectionsField(WholeObjectField):
    """An issue's blocks as its subscribers read them: text as HTML, and each list of
    articles, events or studies resolved into its items (title, url, date, summary, image) in
    the issue's language."""

    def to_representation(self, issue):
        with translation.override(issue.locale.language_code):
            return sections(issue, django_request(self.context["request"]))
