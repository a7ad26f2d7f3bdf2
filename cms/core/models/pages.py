import datetime

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from .. import preview
from ..base_url import served_url_parts
from ..fallback import listed
from ..forms import BasePageForm
from ..locales import locale_by_id
from ..queries import visible_pages
from .field_lists import synchronised, translatable

SITE_DESCRIPTION = _(
    "COFFEE Hub: the coworking spaces, events, articles and people of a cross-border network "
    "in Wallonia, Flanders and the north of France."
)


def publication_date_today() -> datetime.date:
    """Default publication date of articles and studies: today, in the site's time zone."""
    return timezone.localdate()


class DatedListing:
    """The two lists of a dated page type (articles, studies), latest first: ``latest(pages)``
    on the page type adds what its cards read."""

    @classmethod
    def latest_in_locale(cls, locale):
        """The visible pages of this very locale (a newsletter issue's list), latest first."""
        return cls.latest(visible_pages(cls.objects.filter(locale=locale)))

    @classmethod
    def latest_in_language(cls, language: str):
        """The pages a visitor reading ``language`` finds listed (cms.core.fallback)."""
        return cls.latest(listed(cls.objects.all(), language))


class BasePage(Page):
    """Every public page type derives from this: it declares, once, which fields editors
    translate and which stay synchronised with the French source."""

    override_translatable_fields = [
        *translatable("title", "slug", "seo_title", "search_description"),
        *synchronised("show_in_menus"),
    ]
    base_form_class = BasePageForm

    # Subclasses name the field whose text serves as fallback meta description.
    description_field: str | None = None

    class Meta:
        abstract = True

    @property
    def preview_modes(self):
        """Wagtail's, and the partner's front-end when HEADLESS_PREVIEW_URL is set."""
        return preview.preview_modes(super().preview_modes)

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        """The admin's preview: the partner's front-end in its mode (cms.core.preview), else
        Wagtail's (which routable pages' serve_preview answers too)."""
        if preview_mode == preview.MODE:
            return preview.redirect_to_front_end(self)
        return super().make_preview_request(original_request, preview_mode, extra_request_attrs)

    def prefetched_for_rendering(self) -> list[Prefetch]:
        """What the page's template reads besides the page (its inline items with what each
        chose): fetched before it renders, one query each."""
        return []

    def get_context(self, request, *args, **kwargs):
        self.locale = locale_by_id(self.locale_id)  # read by every template: no query
        prefetch_related_objects([self], *self.prefetched_for_rendering())
        return super().get_context(request, *args, **kwargs)

    def get_url_parts(self, request=None):
        """Wagtail's, with absolute URLs where the page is served (cms.core.base_url)."""
        return served_url_parts(super().get_url_parts(request=request), request)

    @property
    def meta_description(self) -> str:
        if self.search_description:
            return self.search_description
        if self.description_field:
            text = strip_tags(str(getattr(self, self.description_field, "") or ""))
            if text.strip():
                return Truncator(" ".join(text.split())).chars(160)
        return str(SITE_DESCRIPTION)

    @cached_property
    def social_image(self):
        """The picture shared with the link (Open Graph): the hero image, else the first
        gallery image, else None."""
        image = getattr(self, "hero_image", None)
        if image is None and hasattr(self, "gallery_images"):
            first = self.gallery_images.first()
            image = first.image if first is not None else None
        return image

    @property
    def social_image_text(self) -> str:
        """The shared picture's alternative text, in this page's language when the page
        describes its hero image (see BlogPage.hero_image_text)."""
        image = self.social_image
        if image is None:
            return ""
        if image == getattr(self, "hero_image", None):
            return getattr(self, "hero_image_text", "") or image.default_alt_text
        return image.default_alt_text

    @cached_property
    def live_translations(self):
        """This page in every locale where a visitor can read it (itself included)."""
        return list(
            visible_pages(self.get_translations(inclusive=True))
            .select_related("locale")
            .order_by("locale__id")
        )


class IndexPage(BasePage):
    """A page listing its children (articles, events, studies, spaces) under an introduction."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    description_field = "intro"
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True
