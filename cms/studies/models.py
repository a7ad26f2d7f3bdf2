from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from cms.core.blocks import BodyBlock
from cms.core.fallback import listed
from cms.core.listing import is_slug, paginate
from cms.core.models import BasePage, Category, DatedListing, IndexPage, publication_date_today
from cms.core.models.field_lists import filtered_by, searched, shown_in_api, synchronised
from cms.core.models.inline import chosen, item_of, with_chosen
from cms.core.models.named import ListedByName
from cms.core.visibility import shown_snippets
from cms.editorial.forms import organisation_panel
from cms.editorial.models import OrganisationOwnedPage, OrganisationSectionPage


class PartnerOrganisation(ListedByName):
    """An organisation that took part in a study (a coworking space, a centre, a university)."""

    name = models.CharField(_("name"), max_length=160)
    city = models.CharField(_("city"), max_length=80, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("city"), FieldPanel("country"), FieldPanel("website")]
    api_fields = shown_in_api("name", "city", "country", "website")

    class Meta(ListedByName.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")


class StudyIndexPage(OrganisationSectionPage, IndexPage):
    subpage_types = ["studies.StudyPage"]

    class Meta:
        verbose_name = _("study index")
        verbose_name_plural = _("study indexes")

    def studies(self):
        """The studies, each in the index's language or, when a visitor cannot read it in that
        language, in the first fallback language (cms.core.fallback; the cards say so)."""
        return (
            listed(StudyPage.objects.all(), self.locale.language_code, under=self)
            .select_related("locale")
            .prefetch_related(
                with_chosen("study_themes", StudyTheme, "category"),
                with_chosen("study_partners", StudyPartner, "organisation"),
            )
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        studies = self.studies()
        theme_slug = request.GET.get("theme")
        theme = (
            Category.objects.public().filter(slug=theme_slug).first()
            if is_slug(theme_slug)
            else None
        )
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
    page = item_of("studies.StudyPage", "study_themes")
    category = chosen(Category, _("theme"))

    panels = [FieldPanel("category")]


class StudyPartner(Orderable):
    page = item_of("studies.StudyPage", "study_partners")
    organisation = chosen(PartnerOrganisation, _("partner organisation"))

    panels = [FieldPanel("organisation")]


class StudyDocument(Orderable):
    page = item_of("studies.StudyPage", "documents")
    document = chosen("wagtaildocs.Document", _("document"))

    panels = [FieldPanel("document")]
    api_fields = shown_in_api("document")


class StudyPage(DatedListing, OrganisationOwnedPage, BasePage):
    date = models.DateField(_("publication date"), default=publication_date_today)
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    description_field = "summary"
    parent_page_types = ["studies.StudyIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("date", "study_themes", "study_partners", "documents"),
        *OrganisationOwnedPage.organisation_synchronised,
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
    search_fields = BasePage.search_fields + searched("summary", "body") + filtered_by("date")
    api_fields = shown_in_api("date", "summary", "body", "documents")

    def prefetched_for_rendering(self):
        # Themes, partners and documents with what they point at: three queries in all.
        return [
            with_chosen("study_themes", StudyTheme, "category"),
            with_chosen("study_partners", StudyPartner, "organisation"),
            with_chosen("documents", StudyDocument, "document"),
        ]

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
            .prefetch_related(with_chosen("study_themes", StudyTheme, "category"))
            .order_by("-date", "-pk")
        )
