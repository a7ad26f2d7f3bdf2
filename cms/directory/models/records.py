"""Coworkers, companies and project ideas: snippets with drafts, revisions, preview and
translations, indexed for the directory search."""

import functools
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from cms.core import fields
from cms.core.models import PublishedSnippet
from cms.core.models.field_lists import (
    filtered_by,
    searched,
    searched_as_typed,
    synchronised,
    translatable,
)
from cms.core.models.navigation import SocialLinkBlock
from cms.core.models.taxonomy import UNIQUE_PER_LANGUAGE
from cms.core.panels import TypedPageChooserPanel
from cms.editorial.forms import OrganisationRecordForm

from ..choices import CompanyKind, CompanySize, Country, OpenTo, ProjectStatus, SpokenLanguage
from ..fields import ChoiceListField
from ..indexing import current_context
from ..queries import DirectoryQuerySet

SPACE_PAGE_TYPE = {"content_type__app_label": "spaces", "content_type__model": "spacepage"}


def spaces_in_default_language():
    """Editors pick spaces in the default language; every translation of a space counts."""
    return Q(**SPACE_PAGE_TYPE, locale__language_code=settings.LANGUAGE_CODE)


def terms_in_default_language():
    """Editors pick skills and sectors from one list (the default language, published terms
    only: a draft is published before a record can show it); the directory shows each in the
    visitor's language through its translations."""
    return Q(locale__language_code=settings.LANGUAGE_CODE, live=True)


def sort_key_for(text: str) -> str:
    """'Émilie Lefèvre' -> 'emilie lefevre': alphabetical order that ignores accents and case."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()[:120]


def make_slug(text: str) -> str:
    """'Léa Vasseur' -> 'lea-vasseur'; names in other scripts keep their letters."""
    return slugify(sort_key_for(text)) or slugify(text, allow_unicode=True) or "record"


def chosen_terms(model: str, verbose_name) -> ParentalManyToManyField:
    """Skills or sectors of a record, chosen in the default language."""
    return fields.optional_links(model, verbose_name, limit_choices_to=terms_in_default_language)


def chosen_spaces(verbose_name) -> ParentalManyToManyField:
    """Spaces of the network, chosen in the default language."""
    return fields.optional_links(
        "wagtailcore.Page", verbose_name, limit_choices_to=spaces_in_default_language
    )


@functools.lru_cache(maxsize=8192)
def _detail_url(kind: str, slug: str, language: str, script_prefix: str) -> str:
    """A record's page address: the same for the same arguments, and asked for by every
    listed record (``script_prefix`` is part of the key because ``reverse`` reads it)."""
    with translation.override(language):
        return reverse(f"directory:{kind}-detail", kwargs={"slug": slug})


class DirectoryRecord(
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """What coworkers, companies and project ideas share.

    The slug is the same in every language (``/fr/directory/coworkers/jan-peeters/`` and
    ``/nl/directory/coworkers/jan-peeters/`` show the same record); free text is translated;
    everything else is synchronised from the source by wagtail-localize.
    """

    #: the URL segment and the ``kind`` of the directory search (coworkers, companies, projects)
    directory_kind = ""
    #: the field whose text names the record
    name_field = "name"
    #: indexed by the directory's own signal handlers (cms/directory/signals.py), which also
    #: follow the many-to-many relations a ClusterableModel writes after its row
    search_auto_update = False

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=True,
        blank=True,
        help_text=_("The end of the record's address; made from the name when left empty."),
    )
    sort_key = models.CharField(max_length=120, editable=False, db_index=True, default="")
    sectors = chosen_terms("directory.Sector", _("sectors"))
    #: site languages in which this row is the one shown for its translation group (kept up
    #: to date by ``cms.directory.listing``); queries still check ``public()`` every time
    shown_in = ChoiceListField(options=settings.LANGUAGES, editable=False)

    objects = DirectoryQuerySet.as_manager()
    #: an organisation editor attaches records to their own organisation's spaces only
    base_form_class = OrganisationRecordForm

    search_fields = [
        *searched("title"),
        *searched_as_typed("taxonomy_text"),
        *PublishedSnippet.published_filter_fields,
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_key"]
        unique_together = UNIQUE_PER_LANGUAGE

    # ------------------------------------------------------------------ identity

    def __init__(self, *args, **kwargs):
        if kwargs:
            super().__init__(*args, **kwargs)
        else:
            # A row read from the database: no child relations for ClusterableModel to pick
            # out of the arguments (it lists the model's relations on every instance).
            models.Model.__init__(self, *args)

    def __str__(self):
        return getattr(self, self.name_field)

    @property
    def title(self):
        """Indexed as the search "title" (the SQLite backend boosts short titles)."""
        return getattr(self, self.name_field)

    @property
    def language(self) -> str:
        """The language this row is written in (for the ``lang`` attribute)."""
        return self.locale.language_code

    @classmethod
    def own_public_condition(cls, now):
        """Public as far as this row alone can tell (live, not expired, consent…)."""
        return Q(live=True) & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))

    @classmethod
    def public_condition(cls, now):
        """Public, also considering other records (a project idea's poster…)."""
        return cls.own_public_condition(now)

    def clean(self):
        super().clean()
        name = getattr(self, self.name_field)
        if not self.slug and name:
            self.slug = self._free_slug(make_slug(name))
        clash = (
            type(self)
            .objects.filter(slug=self.slug)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if clash:
            raise ValidationError({"slug": _("Another record already uses this slug.")})

    def _free_slug(self, base: str) -> str:
        taken = set(
            type(self)
            .objects.filter(slug__startswith=base)
            .exclude(translation_key=self.translation_key)
            .values_list("slug", flat=True)
        )
        slug, number = base[:110], 2
        while slug in taken:
            slug = f"{base[:110]}-{number}"
            number += 1
        return slug

    def save(self, *args, **kwargs):
        name = getattr(self, self.name_field)
        if not self.slug:
            self.slug = self._free_slug(make_slug(name))
        self.sort_key = sort_key_for(name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and self.name_field in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key"}
        super().save(*args, **kwargs)

    # ------------------------------------------------------------------ addresses

    def get_url(self, language: str | None = None) -> str:
        return _detail_url(
            self.directory_kind,
            self.slug,
            language or translation.get_language(),
            get_script_prefix(),
        )

    def get_absolute_url(self):
        return self.get_url()

    # ------------------------------------------------------------------ search

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .select_related("locale")
            .prefetch_related("skills", "sectors")
        )

    # Bulk loaders may set ``_taxonomy_keys`` and ``_space_keys`` on unsaved-relation rows
    # to spare the indexer a query per record; the texts are computed once per indexing.

    def taxonomy_keys(self) -> list:
        keys = self.__dict__.get("_taxonomy_keys")
        if keys is None:
            keys = [term.translation_key for term in self.skills.all()] + [
                term.translation_key for term in self.sectors.all()
            ]
        return keys

    def taxonomy_text(self) -> str:
        """Labels and synonyms, in every language, of the record's skills and sectors."""
        if "_taxonomy_text" not in self.__dict__:
            self._taxonomy_text = current_context().words_for_terms(self.taxonomy_keys())
        return self._taxonomy_text

    def space_keys(self) -> list:
        return self.__dict__.get("_space_keys") or []

    def space_text(self) -> str:
        if "_space_text" not in self.__dict__:
            self._space_text = current_context().words_for_spaces(self.space_keys())
        return self._space_text

    def forget_index_texts(self):
        for name in ("_taxonomy_text", "_space_text", "_taxonomy_keys", "_space_keys"):
            self.__dict__.pop(name, None)

    # ------------------------------------------------------------------ preview

    def get_preview_template(self, request, mode_name):
        # Its page as a visitor would see it, built by the directory's presenters (a template
        # tag: the presenters know the models, not the other way round).
        return "directory/preview.html"


#: A coworker's or a company's place and links, the same in every translation.
MEMBER_SYNCHRONIZED_FIELDS = synchronised("city", "country", "website", "social_links")


def links_panel() -> MultiFieldPanel:
    return MultiFieldPanel([FieldPanel("website"), FieldPanel("social_links")], heading=_("Links"))


class NetworkMember(DirectoryRecord):
    """What coworkers and companies share: where they are and how to find them online."""

    city = models.CharField(_("city"), max_length=80, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default="BE")
    website = models.URLField(_("website"), blank=True)
    social_links = StreamField(
        [("social", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )

    search_fields = DirectoryRecord.search_fields + [
        index.AutocompleteField("name"),
        *searched("city", "space_text"),
        *filtered_by("country"),
    ]

    class Meta(DirectoryRecord.Meta):
        abstract = True

    def space_keys(self) -> list:
        keys = self.__dict__.get("_space_keys")
        if keys is None:
            keys = self.related_space_keys()
        return keys

    def related_space_keys(self) -> list:
        """Translation keys of the record's spaces, from its relations."""
        return []


class Coworker(NetworkMember):
    """A person of the network. Public only when published AND their consent is recorded."""

    directory_kind = "coworkers"

    name = models.CharField(_("name"), max_length=120)
    photo = fields.optional_image(_("photo"))
    headline = models.CharField(
        _("headline"), max_length=160, help_text=_("What they do, in one line.")
    )
    bio = models.TextField(_("biography"), blank=True)
    skills = chosen_terms("directory.Skill", _("skills"))
    languages = ChoiceListField(_("languages spoken"), options=SpokenLanguage.choices)
    open_to = ChoiceListField(_("open to"), options=OpenTo.choices)
    home_space = fields.optional_link(
        "wagtailcore.Page", _("home space"), limit_choices_to=SPACE_PAGE_TYPE
    )
    spaces_visited = chosen_spaces(_("spaces visited"))

    # Contact and privacy: never shown unless the person chose it.
    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("Private: messages from the contact form are relayed to it."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    show_email = models.BooleanField(_("show the e-mail address"), default=False)
    show_phone = models.BooleanField(_("show the phone number"), default=False)
    accepts_messages = models.BooleanField(
        _("accepts messages through the contact form"), default=True
    )
    consent_given_at = fields.optional_moment(
        _("consent recorded on"),
        help_text=_("The record is public only once the person's consent is recorded."),
    )
    consent_withdrawn_at = fields.optional_moment(
        _("consent withdrawn on"),
        help_text=_("Withdrawing consent hides the record everywhere at once."),
    )
    consent_note = models.CharField(
        _("how consent was given"),
        max_length=200,
        blank=True,
        help_text=_("For editors only, e.g. 'signed form at Mutualab'."),
    )

    #: fields copied to every translation as soon as the record is saved (privacy must not
    #: wait for an editor to synchronise translations)
    privacy_fields = [
        "email",
        "phone",
        "show_email",
        "show_phone",
        "accepts_messages",
        "consent_given_at",
        "consent_withdrawn_at",
        "consent_note",
    ]

    override_translatable_fields = [
        *synchronised("name"),
        *synchronised("slug", overridable=False),
        *synchronised("photo"),
        *translatable("headline", "bio"),
        *synchronised("skills", "sectors"),
        *synchronised("languages", "open_to", overridable=False),
        *synchronised("home_space", "spaces_visited"),
        *MEMBER_SYNCHRONIZED_FIELDS,
        *synchronised(*privacy_fields, overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("photo"),
        FieldPanel("headline"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("skills"), FieldPanel("sectors"), FieldPanel("languages")],
            heading=_("Skills and languages"),
        ),
        FieldPanel("open_to"),
        MultiFieldPanel(
            [
                TypedPageChooserPanel("home_space", page_type="spaces.SpacePage"),
                FieldPanel("spaces_visited"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            ],
            heading=_("Where"),
        ),
        links_panel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("consent_given_at"), FieldPanel("consent_withdrawn_at")]),
                FieldPanel("consent_note"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("show_email")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("show_phone")]),
                FieldPanel("accepts_messages"),
            ],
            heading=_("Consent and contact (private)"),
        ),
        PublishingPanel(),
    ]

    search_fields = NetworkMember.search_fields + [
        *searched_as_typed("headline"),
        *searched("bio"),
    ]

    class Meta(NetworkMember.Meta):
        verbose_name = _("coworker")
        verbose_name_plural = _("coworkers")

    @classmethod
    def own_public_condition(cls, now):
        consented = Q(consent_given_at__isnull=False) & (
            Q(consent_withdrawn_at__isnull=True)
            | Q(consent_withdrawn_at__lt=models.F("consent_given_at"))
        )
        return super().own_public_condition(now) & consented

    @classmethod
    def get_indexed_objects(cls):
        return (
            super()
            .get_indexed_objects()
            .select_related("home_space")
            .prefetch_related("spaces_visited")
        )

    @property
    def has_consent(self) -> bool:
        if self.consent_given_at is None:
            return False
        return (
            self.consent_withdrawn_at is None or self.consent_withdrawn_at < self.consent_given_at
        )

    # What visitors learn about contacting the person, decided here only: the page, its
    # contact form, the relayed e-mail, the API and search results all read these.

    @property
    def can_be_contacted(self) -> bool:
        """The contact form is offered (messages are relayed to the private address)."""
        return bool(self.email and self.accepts_messages)

    @property
    def public_email(self) -> str:
        """The address shown to visitors: only when the person chose to show it."""
        return self.email if self.email and self.show_email else ""

    @property
    def public_phone(self) -> str:
        """The phone number shown to visitors: only when the person chose to show it."""
        return self.phone if self.phone and self.show_phone else ""

    def related_space_keys(self) -> list:
        keys = [space.translation_key for space in self.spaces_visited.all()]
        if self.home_space_id:
            keys.insert(0, self.home_space.translation_key)
        return keys


class Company(NetworkMember):
    """A company or organisation of the network: start-up, SME, university lab, association…"""

    directory_kind = "companies"

    name = models.CharField(_("name"), max_length=160)
    logo = fields.optional_image(_("logo"))
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind of organisation"), max_length=20, choices=CompanyKind.choices, default="sme"
    )
    size = models.CharField(_("size"), max_length=10, choices=CompanySize.choices, blank=True)
    year_founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    skills = chosen_terms("directory.Skill", _("skills offered"))
    spaces = chosen_spaces(_("spaces"))
    people = fields.optional_links(
        "directory.Coworker",
        _("people"),
        related_name="companies",
        help_text=_("Only people whose record is public are shown."),
    )

    override_translatable_fields = [
        *synchronised("name"),
        *synchronised("slug", overridable=False),
        *synchronised("logo"),
        *translatable("description"),
        *synchronised("kind", "size", "year_founded", "skills", "sectors", "spaces"),
        *MEMBER_SYNCHRONIZED_FIELDS,
        *synchronised("people"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("size"), FieldPanel("year_founded")]),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("sectors")], heading=_("Activity")),
        MultiFieldPanel(
            [FieldPanel("spaces"), FieldRowPanel([FieldPanel("city"), FieldPanel("country")])],
            heading=_("Where"),
        ),
        links_panel(),
        FieldPanel("people"),
        PublishingPanel(),
    ]

    search_fields = NetworkMember.search_fields + [
        *searched("description"),
        *filtered_by("kind"),
    ]

    class Meta(NetworkMember.Meta):
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().prefetch_related("spaces")

    def related_space_keys(self) -> list:
        return [space.translation_key for space in self.spaces.all()]


class ProjectIdea(DirectoryRecord):
    """A call for collaborators: something a coworker or a company wants to work on."""

    directory_kind = "projects"
    name_field = "title"

    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"))
    skills = chosen_terms("directory.Skill", _("skills wanted"))
    deadline = fields.optional_date(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.OPEN
    )
    posted_by_coworker = fields.optional_link(
        "directory.Coworker",
        _("posted by (person)"),
        related_name="project_ideas",
    )
    posted_by_company = fields.optional_link(
        "directory.Company",
        _("posted by (company)"),
        related_name="project_ideas",
    )

    override_translatable_fields = [
        *translatable("title"),
        *synchronised("slug", overridable=False),
        *translatable("description"),
        *synchronised("skills", "sectors", "deadline", "status"),
        # Synchronised, not translated: the poster keeps one record (wagtail-localize would
        # otherwise ask for the poster to be translated first).
        *synchronised("posted_by_coworker", "posted_by_company", overridable=False),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("sectors")], heading=_("Wanted")),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("status")]),
        MultiFieldPanel(
            [FieldPanel("posted_by_coworker"), FieldPanel("posted_by_company")],
            heading=_("Posted by"),
        ),
        PublishingPanel(),
    ]

    search_fields = DirectoryRecord.search_fields + [
        index.AutocompleteField("title"),
        *searched("description", "poster_text"),
        *filtered_by("status"),
    ]

    class Meta(DirectoryRecord.Meta):
        verbose_name = _("project idea")
        verbose_name_plural = _("project ideas")

    @classmethod
    def public_condition(cls, now):
        # An idea posted by a person is public only while that person's record is.
        poster_public = Exists(
            Coworker.objects.public(now).filter(
                translation_key=OuterRef("posted_by_coworker__translation_key")
            )
        )
        return super().public_condition(now) & (Q(posted_by_coworker__isnull=True) | poster_public)

    @classmethod
    def get_indexed_objects(cls):
        return (
            super().get_indexed_objects().select_related("posted_by_coworker", "posted_by_company")
        )

    def poster_text(self) -> str:
        # The poster's name is searchable only while their record is public.
        names = []
        person = self.posted_by_coworker
        if person is not None and person.live and person.has_consent:
            names.append(person.name)
        if self.posted_by_company_id and self.posted_by_company.live:
            names.append(self.posted_by_company.name)
        return " ".join(names)

    @cached_property
    def is_open(self) -> bool:
        return self.status == ProjectStatus.OPEN
