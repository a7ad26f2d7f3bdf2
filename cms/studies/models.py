from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import BodyBlock
from cms.core.fallback import listed
from cms.core.listing import paginate
from cms.core.models import BasePage, Category, DatedListing, IndexPage, publication_date_today
from cms.core.visibility import shown_snippets
from cms.editorial.forms import organisation_panel
from cms.editorial.models import OrganisationOwnedPage, OrganisationSectionPage


class PartnerOrganisation(models.Model):
    """An organisation that took part in a study (a coworking space, a centre, a university)."""

    name = models.CharField(_("name"), max_length=160)
    city = models.CharField(_("city"), max_length=80, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("country"), FieldPanel("website")]
    api_fields = [APIField("name"), APIField("city"), APIField("country"), APIField("website")]

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StudyIndexPage(OrganisationSectionPage, IndexPage):
    subpage_types = ["studies.StudyPage"]

    class Meta:
        verbose_name = _("study index")

    def studies(self):
        """The studies, each in the index's language or, when a visitor cannot read it in that
        language, in the first fallback language (cms.core.fallback; the cards say so)."""
        return (
            listed(StudyPage.objects.all(), self.locale.language_code, under=self)
            .select_related("locale")
            .prefetch_related(
                Prefetch("study_themes", queryset=StudyTheme.objects.select_related("category")),
                Prefetch(
                    "study_partners",
                    queryset=StudyPartner.objects.select_related("organisation"),
                ),
            )
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        studies = self.studies()
        theme_slug = request.GET.get("theme")
        theme = Category.objects.public().filter(slug=theme_slug).first() if theme_slug else None
        if theme is not None:
            studies = studies.filter(
                study_themes__category__translation_key=theme.translation_key
            ).distinct()
        elif theme_slug:
            studies = studies.none()
        context["studies"] = paginate(request, studies)
        context["selected_theme"] = theme.localized if theme else None
        return context


class StudyTheme(Orderable):
    page = ParentalKey("studies.StudyPage", related_name="study_themes", on_delete=models.CASCADE)
    category = models.ForeignKey(
        Category, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("category")]


class StudyPartner(Orderable):
    page = ParentalKey("studies.StudyPage", related_name="study_partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]


class StudyDocument(Orderable):
    page = ParentalKey("studies.StudyPage", related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]
    api_fields = [APIField("document")]


class StudyPage(DatedListing, OrganisationOwnedPage, BasePage):
    date = models.DateField(_("publication date"), default=publication_date_today)
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    description_field = "summary"
    parent_page_types = ["studies.StudyIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("date"),
        SynchronizedField("study_themes"),
        SynchronizedField("study_partners"),
        SynchronizedField("documents"),
        SynchronizedField("organisation"),
    ]
    content_panels = BasePage.content_panels + [
        organisation_panel(),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("study_themes", label=_("Themes")),
        InlinePanel("study_partners", label=_("Partner organisations")),
        InlinePanel("documents", label=_("Attached documents")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [APIField("date"), APIField("summary"), APIField("body"), APIField("documents")]

    def get_context(self, request, *args, **kwargs):
        # Themes, partners and documents with what they point at: three queries in all.
        prefetch_related_objects(
            [self],
            Prefetch("study_themes", queryset=StudyTheme.objects.select_related("category")),
            Prefetch(
                "study_partners", queryset=StudyPartner.objects.select_related("organisation")
            ),
            Prefetch("documents", queryset=StudyDocument.objects.select_related("document")),
        )
        return super().get_context(request, *args, **kwargs)

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    @property
    def themes(self):
        # Synchronised themes already point at this page's locale (no query when they are
        # published); a draft one gives way to the published source.
        return shown_snippets([item.category for item in self.study_themes.all()], self.locale)

    @property
    def partners(self):
        return [item.organisation for item in self.study_partners.all()]

    @classmethod
    def latest(cls, studies):
        return (
            studies.select_related("locale")
            .prefetch_related(
                Prefetch("study_themes", queryset=StudyTheme.objects.select_related("category"))
            )
            .order_by("-date", "-pk")
        )
