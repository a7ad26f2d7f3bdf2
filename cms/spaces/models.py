from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin

from cms.core import fields
from cms.core.fallback import listed
from cms.core.kept import kept
from cms.core.models import BasePage, IndexPage
from cms.core.models.field_lists import (
    filtered_by,
    searched,
    shown_in_api,
    synchronised,
    translatable,
)
from cms.core.models.inline import chosen, item_of, with_chosen

# Apps that know the spaces add to a space's page through this Wagtail hook: each function
# registered under it takes the SpacePage and returns a dict for the template's context.
SPACE_PAGE_CONTEXT_HOOK = "construct_space_page_context"

COUNTRIES = [("BE", _("Belgium")), ("FR", _("France")), ("NL", _("Netherlands"))]


class SpaceIndexPage(IndexPage):
    subpage_types = ["spaces.SpacePage"]

    class Meta:
        verbose_name = _("space index")
        verbose_name_plural = _("space indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        spaces = SpacePage.listing(
            listed(SpacePage.objects.all(), self.locale.language_code, under=self)
        )
        context["coworking_spaces"] = [s for s in spaces if s.kind == SpacePage.Kind.COWORKING]
        context["competence_centres"] = [s for s in spaces if s.kind == SpacePage.Kind.CENTRE]
        return context


class SpaceGalleryImage(TranslatableMixin, Orderable):
    """One picture of a space: the same image in every translation of the page, described
    in each page's own language."""

    page = item_of("spaces.SpacePage", "gallery_images")
    image = chosen("wagtailimages.Image")
    alt_text = fields.alt_text(_("alternative text"), max_length=250)
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    override_translatable_fields = [*synchronised("image"), *translatable("alt_text", "caption")]
    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
    api_fields = shown_in_api("image", "alt_text", "caption")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    @property
    def description(self) -> str:
        """The image's alternative text in the page's language, else the image's title."""
        return self.alt_text or self.image.default_alt_text


class SpacePage(BasePage):
    """A coworking space or a competence centre of the network."""

    class Kind(models.TextChoices):
        COWORKING = "coworking", _("Coworking space")
        CENTRE = "centre", _("Competence centre")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COWORKING)
    intro = models.TextField(_("introduction"), max_length=500)
    description = RichTextField(_("description"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=80)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="BE")
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    facilities = StreamField(
        [("facility", blocks.CharBlock(label=_("Facility")))],
        blank=True,
        verbose_name=_("facilities"),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    description_field = "intro"
    parent_page_types = ["spaces.SpaceIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("city", "street_address", "postcode", "phone"),
        *translatable("gallery_images"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("facilities"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading=_("Contact")
        ),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    search_fields = [
        *BasePage.search_fields,
        *searched("intro", "description", "city"),
        *filtered_by("kind", "country"),
    ]
    api_fields = shown_in_api(
        "kind",
        "intro",
        "description",
        "street_address",
        "postcode",
        "city",
        "country",
        "latitude",
        "longitude",
        "opening_hours",
        "facilities",
        "email",
        "phone",
        "website",
        "gallery_images",
    )

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")

    def prefetched_for_rendering(self):
        return [with_chosen("gallery_images", SpaceGalleryImage, "image")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.hooks_context()
            if getattr(request, "is_preview", False)
            else kept(request, f"space-context:{self.pk}", self.hooks_context)
        )
        return context

    def hooks_context(self) -> dict:
        """Its events (agenda), its members (directory): the same for every visitor, so kept
        per content version (cms.core.kept) outside previews."""
        context = {}
        for space_context in hooks.get_hooks(SPACE_PAGE_CONTEXT_HOOK):
            context.update(space_context(self))
        return context

    @property
    def social_image_text(self) -> str:
        """The shared picture (the first of the gallery) described in this page's language."""
        first = self.gallery_images.first()
        return first.description if first is not None else super().social_image_text

    @classmethod
    def all_in_language(cls, language: str):
        """The spaces a visitor reading ``language`` finds listed (cms.core.fallback)."""
        return cls.listing(listed(cls.objects.all(), language))

    @classmethod
    def listing(cls, spaces):
        return (
            spaces.select_related("locale")
            .prefetch_related(with_chosen("gallery_images", SpaceGalleryImage, "image"))
            .order_by("kind", "city", "title")
        )
