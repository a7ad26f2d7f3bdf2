"""wagtail-localize's Translations report (Reports > Translations). It lists every translation
of the site: an organisation editor sees only those of the pages and records they may change,
like its Translate and Sync buttons. Its locale filters, labelled from field names, get labels
in the admin's language."""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.views.report import TranslationsReportFilterSet, TranslationsReportView

from .permissions import changeable_translation_keys


class TranslationsReportFilters(TranslationsReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["source_locale"].label = _("Source language")
        self.filters["target_locale"].label = _("Target language")


class OrganisationTranslationsReportView(TranslationsReportView):
    filterset_class = TranslationsReportFilters

    def get_queryset(self):
        translations = super().get_queryset().order_by("pk")
        changeable = changeable_translation_keys(self.request.user)
        if changeable is None:
            return translations
        return translations.filter(source__object_id__in=changeable)
