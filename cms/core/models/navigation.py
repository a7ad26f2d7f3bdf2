from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Locale, LockableMixin, RevisionMixin, TranslatableMixin

from ..blocks import LinkBlock
from ..visibility import PublicQuerySet, PublishedRowMixin

SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("linkedin", "LinkedIn"),
    ("instagram", "Instagram"),
    ("mastodon", "Mastodon"),
    ("youtube", "YouTube"),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Network"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "site"
        label = _("Social link")


class Navigation(
    PublishedRowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    ClusterableModel,
):
    """Menus and footer of the public site, one per locale (translated with wagtail-localize).

    A new translation is a draft: until it is published, visitors of its language get the
    default language's menus."""

    objects = PublicQuerySet.as_manager()

    primary_menu = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("main menu"))
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])
    footer_links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("footer links"))
    social_links = StreamField(
        [("social", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )

    panels = [
        FieldPanel("primary_menu"),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation")
        verbose_name_plural = _("navigation")

    def __str__(self):
        return str(_("Navigation (%(locale)s)") % {"locale": self.locale.get_display_name()})

    @classmethod
    def for_active_locale(cls):
        active = Locale.get_active()
        navigation = cls.objects.public().filter(locale=active).first()
        if navigation is None:
            navigation = cls.objects.public().filter(locale=Locale.get_default()).first()
        return navigation
