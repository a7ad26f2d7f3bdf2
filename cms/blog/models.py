import math
import uuid
from collections import Counter
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Count, F, When
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.models import Translation

from cms.core import fields
from cms.core.blocks import BodyBlock
from cms.core.fallback import listed
from cms.core.kept import kept
from cms.core.listing import is_slug, paginate
from cms.core.models import BasePage, Category, DatedListing, IndexPage, publication_date_today
from cms.core.models.field_lists import (
    filtered_by,
    searched,
    shown_in_api,
    synchronised,
    translatable,
)
from cms.core.models.inline import chosen, item_of, with_chosen
from cms.core.models.named import ListedByName
from cms.core.visibility import in_language, shown_snippets, visible_pages
from cms.editorial.forms import organisation_panel
from cms.editorial.models import OrganisationOwnedPage, OrganisationSectionPage

from .feeds import BlogAtomFeed, BlogRssFeed

WORDS_PER_MINUTE = 200
TAG_CLOUD_SIZE = 20


def tag_name_language(name: str, typed_name: str, typed_in: str, article_language: str) -> str:
    """The language of a tag's ``name`` on an article: the language the tag was typed in
    (``typed_in``) while the name is still the one typed, else the article's (translated)."""
    return typed_in if name == typed_name else article_language


def tags_languages(articles) -> dict[int, str]:
    """{article pk: the language its tags were typed in}: a translation's source's (a tag
    its translator left as it was is in that language), an article that is no translation its
    own. ``articles`` are (pk, translation_key, locale_id, language code) rows; one query."""
    translated = Translation.objects.filter(
        source__object_id__in={key for _pk, key, _locale, _code in articles},
        target_locale_id__in={locale_id for _pk, _key, locale_id, _code in articles},
    ).exclude(source__locale_id=F("target_locale_id"))
    source_of = {
        (key, locale_id): code
        for key, locale_id, code in translated.values_list(
            "source__object_id", "target_locale_id", "source__locale__language_code"
        )
    }
    return {pk: source_of.get((key, locale_id), code) for pk, key, locale_id, code in articles}


class Author(TranslatableMixin, ListedByName):
    """Someone who writes for the blog; shown by name on the articles they signed, with their
    role in the reader's language (translators translate the role, never the name)."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    photo = fields.optional_image(_("photo"))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo")]
    api_fields = shown_in_api("name", "role")
    override_translatable_fields = synchronised("name", "photo")

    class Meta(TranslatableMixin.Meta, ListedByName.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


@dataclass(frozen=True)
class CloudTag:
    """A tag in the blog's list of tags: ``language`` when its name is in another one."""

    slug: str
    name: str
    uses: int
    language: str | None


class BlogIndexPage(OrganisationSectionPage, RoutablePageMixin, IndexPage):
    subpage_types = ["blog.BlogPage"]

    class Meta:
        verbose_name = _("blog index")
        verbose_name_plural = _("blog indexes")

    def articles(self):
        """The blog's articles, each in the blog's language or, when a visitor cannot read it
        in that language, in the first fallback language (cms.core.fallback; the cards say so)."""
        return (
            listed(BlogPage.objects.all(), self.locale.language_code, under=self)
            .select_related("hero_image", "locale")
            .prefetch_related(
                with_chosen("tagged_items", BlogPageTag, "tag"),
                with_chosen("article_categories", BlogPageCategory, "category"),
                with_chosen("article_authors", BlogPageAuthor, "author"),
            )
            .order_by("-date", "-pk")
        )

    def tag_cloud(self):
        """The tags of the visible articles, most used first, as the blog's readers see them:
        each by the name most of its articles give it, with the language of that name when it
        is not the blog's (a tag its translator left as written), else None."""
        articles = self.articles().values("pk")
        tags = list(
            Tag.objects.filter(blog_blogpagetag_items__content_object__in=articles)
            .annotate(uses=Count("blog_blogpagetag_items"))
            .order_by("-uses", "name")[:TAG_CLOUD_SIZE]
        )
        uses = list(
            BlogPageTag.objects.filter(tag__in=tags, content_object__in=articles).values_list(
                "tag_id",
                "name",
                "tag__name",
                "content_object_id",
                "content_object__translation_key",
                "content_object__locale_id",
                "content_object__locale__language_code",
            )
        )
        written_in = tags_languages({row[3:] for row in uses})
        cloud = []
        for tag in tags:
            rows = [row for row in uses if row[0] == tag.pk]
            name = Counter(row[1] for row in rows).most_common(1)[0][0]
            languages = {
                tag_name_language(shown, typed, written_in[article], language)
                for _tag, shown, typed, article, _key, _locale, language in rows
                if shown == name
            }
            language = languages.pop() if len(languages) == 1 else None
            cloud.append(
                CloudTag(
                    tag.slug,
                    name,
                    tag.uses,
                    None if language == self.locale.language_code else language,
                )
            )
        return sorted(cloud, key=lambda tag: (-tag.uses, tag.name))

    def tag_name(self, slug: str) -> str | None:
        """The name of the tag ``slug`` in the blog's language, for a tag outside the cloud;
        None when no article a visitor may read has that tag."""
        if not is_slug(slug):
            return None
        readable = visible_pages(BlogPage.objects.all())
        names = BlogPageTag.objects.filter(tag__slug=slug, content_object__in=readable).order_by(
            Case(When(locale=self.locale_id, then=0), default=1), "pk"
        )
        return names.values_list("name", flat=True).first()

    def selected_category(self, request):
        slug = request.GET.get("category")
        if not is_slug(slug):
            return None
        return Category.objects.public().filter(slug=slug).order_by("locale_id").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        category = self.selected_category(request)
        if category is not None:
            articles = articles.filter(
                article_categories__category__translation_key=category.translation_key
            ).distinct()
        elif request.GET.get("category"):
            articles = articles.none()
        tag = request.GET.get("tag")
        if tag:
            articles = (
                articles.filter(tags__slug=tag).distinct() if is_slug(tag) else articles.none()
            )
        context["articles"] = paginate(request, articles)
        context["selected_category"] = category.localized if category else None
        context["tags"] = kept(request, f"blog-tag-cloud:{self.pk}", self.tag_cloud)
        context["selected_tag"] = tag
        if tag:
            shown = [cloud_tag.name for cloud_tag in context["tags"] if cloud_tag.slug == tag]
            context["selected_tag_name"] = shown[0] if shown else self.tag_name(tag)
        context["categories"] = Category.objects.public().filter(locale=self.locale)
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return BlogRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return BlogAtomFeed(self)(request)


class TranslatedTagsPanel(FieldPanel):
    """The tags field, where the author types the tags. It also names the relation that holds
    their translated names, without making a form of it: wagtail-localize's translation editor
    shows a text only in the tab that names its field."""

    def __init__(self, field_name, *args, names_relation="tagged_items", **kwargs):
        super().__init__(field_name, *args, **kwargs)
        self.names_relation = names_relation

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "names_relation": self.names_relation}

    def get_form_options(self):
        return {
            **super().get_form_options(),
            "formsets": {self.names_relation: {}},
            "exclude_formsets": [self.names_relation],
        }


class BlogPageTag(TranslatableMixin, TaggedItemBase):
    """A tag of an article. The tag itself (``tag``, whose slug filters the blog) is the same
    in every translation; ``name`` is what readers see, translated with the article's text."""

    content_object = item_of("blog.BlogPage", "tagged_items")
    name = models.CharField(_("name"), max_length=100, blank=True)

    override_translatable_fields = [
        *translatable("name"),
        *synchronised("tag", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def settle(self) -> None:
        """Its name (the tag's, until a translator gives another), its language (the
        article's) and its translation key: the same tag on the same article keeps one key,
        however often the editor's form makes the row anew, so that its translations stay
        paired with it."""
        self.name = self.label
        self.locale_id = self.content_object.locale_id
        self.translation_key = uuid.uuid5(self.content_object.translation_key, str(self.tag_id))

    def save(self, *args, **kwargs):
        self.settle()
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        """What readers see: its name, or the tag's own before the row is settled (a tag
        just typed, in a preview)."""
        return self.name or self.tag.name

    @property
    def slug(self) -> str:
        return self.tag.slug


class BlogPageCategory(Orderable):
    page = item_of("blog.BlogPage", "article_categories")
    category = chosen(Category, _("category"))

    panels = [FieldPanel("category")]


class BlogPageAuthor(Orderable):
    page = item_of("blog.BlogPage", "article_authors")
    author = chosen(Author, _("author"))

    panels = [FieldPanel("author")]


class BlogPage(DatedListing, OrganisationOwnedPage, BasePage):
    date = models.DateField(_("publication date"), default=publication_date_today)
    summary = models.TextField(_("summary"), max_length=400)
    hero_image = fields.optional_image(_("hero image"))
    # One image serves every translation: what it shows is said in each page's language.
    hero_image_alt = fields.alt_text(_("hero image description"))
    hero_image_caption = models.CharField(_("hero image caption"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True, verbose_name=_("tags"))

    description_field = "summary"
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("date", "hero_image", "article_categories", "article_authors"),
        *OrganisationOwnedPage.organisation_synchronised,
    ]
    content_panels = BasePage.content_panels + [
        organisation_panel(),
        MultiFieldPanel(
            [FieldPanel("date"), InlinePanel("article_authors", label=_("Authors"))],
            heading=_("Publication"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        InlinePanel("article_categories", label=_("Categories")),
        TranslatedTagsPanel("tags"),
    ]
    search_fields = BasePage.search_fields + searched("summary", "body") + filtered_by("date")
    api_fields = shown_in_api("date", "summary", "hero_image", "body", "tags", "reading_time")

    class Meta:
        verbose_name = _("blog article")
        verbose_name_plural = _("blog articles")

    def full_clean(self, *args, **kwargs):
        # Before a revision is saved, as wagtail-localize reads the tags from it.
        for item in self.tagged_items.all():
            item.settle()
        super().full_clean(*args, **kwargs)

    def prefetched_for_rendering(self):
        # Tags, categories and authors with what they point at: three queries in all.
        return [
            with_chosen("tagged_items", BlogPageTag, "tag"),
            with_chosen("article_categories", BlogPageCategory, "category"),
            with_chosen("article_authors", BlogPageAuthor, "author"),
        ]

    @property
    def hero_image_text(self) -> str:
        """The hero image's alternative text in this page's language."""
        if self.hero_image is None:
            return ""
        return self.hero_image_alt or self.hero_image.default_alt_text

    @property
    def reading_time(self) -> int:
        """Minutes needed to read the summary and body, at least one."""
        words = len(strip_tags(self.summary).split())
        for block in self.body:
            words += len(strip_tags(str(block.render())).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def categories(self):
        # Synchronised categories already point at this page's locale (no query when they
        # are published); a draft one gives way to the published source.
        return shown_snippets(
            [item.category for item in self.article_categories.all()], self.locale
        )

    @cached_property
    def shown_tags(self) -> list["BlogPageTag"]:
        """The tags as this article's readers see them, in the order they were given; each
        with ``language``: the language of its name when it is not the article's (a tag the
        translator left as written in the source), else None."""
        tags = sorted(self.tagged_items.all(), key=lambda item: item.pk or 0)
        own = self.locale.language_code
        typed_in = own
        if any(item.label == item.tag.name for item in tags):
            row = (self.pk, self.translation_key, self.locale_id, own)
            typed_in = tags_languages({row})[self.pk]
        for item in tags:
            language = tag_name_language(item.label, item.tag.name, typed_in, own)
            item.language = None if language == own else language
        return tags

    @property
    def tag_names(self) -> list[str]:
        """The tags' names in this article's language, sorted (the API's ``tags``)."""
        return sorted(item.label for item in self.tagged_items.all())

    @property
    def authors(self):
        # Inline items keep pointing at the authors the source article chose.
        return in_language([item.author for item in self.article_authors.all()], self.locale)

    @classmethod
    def latest(cls, articles):
        return (
            articles.select_related("hero_image", "locale")
            .prefetch_related(with_chosen("article_categories", BlogPageCategory, "category"))
            .order_by("-date", "-pk")
        )
