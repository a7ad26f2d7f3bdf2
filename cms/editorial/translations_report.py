"""wagtail-localize's Translations report (Reports > Translations). It lists every translation
of the site: an organisation editor sees only those of the pages and records they may change,
like its Translate and Sync buttons. Its locale filters, labelled from field names, get labels
in the admin's language."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_translatable_models
from wagtail.permissions import policy_registry
from wagtail_localize.views.report import TranslationsReportFilterSet, TranslationsReportView

from .access import organisation_keys
from .permissions import owned_pages


def changeable_translation_keys(user, keys) -> set[str]:
    """The translation keys, as wagtail-localize stores them, of what ``user`` (an editor of
    the organisations ``keys``) may change: their organisation's pages and the records their
    group's permissions and the records' policies allow."""
    found = set()
    for model in get_translatable_models():
        changeable = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
            user, ["change"]
        )
        if issubclass(model, Page):
            changeable = changeable.filter(owned_pages(keys, own=True))
        found.update(
            str(key) for key in changeable.values_list("translation_key", flat=True).distinct()
        )
    return found


class TranslationsReportFilters(TranslationsReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["source_locale"].label = _("Source language")
        self.filters["target_locale"].label = _("Target language")


class OrganisationTranslationsReportView(TranslationsReportView):
    filterset_class = TranslationsReportFilters

    def get_queryset(self):
        translations = super().get_queryset().order_by("pk")
        keys = organisation_keys(self.request.user)
        if keys is None:
            return translations
        return translations.filter(
            source__object_id__in=changeable_translation_keys(self.request.user, keys)
        )
