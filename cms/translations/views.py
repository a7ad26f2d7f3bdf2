from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import dashboard
from .links import action_links
from .status import STATE_LABELS, TRANSLATION_STATES, UP_TO_DATE, segment_field_labels


class TranslationDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Per organisation, content type and language: what is missing, draft, outdated,
    machine-translated and unreviewed, or up to date; below, the items of the chosen cell
    (by default everything that needs work), each with a link to act on it.

    Apps narrow what a user sees with the hook ``filter_translation_dashboard_entries``
    (``fn(entries, user) -> entries``): cms.editorial keeps an organisation editor's own."""

    template_name = "translations/dashboard.html"
    page_title = _("Translations")
    header_icon = "wagtail-localize-language"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        entries = list(dashboard.entries())
        for narrow in hooks.get_hooks("filter_translation_dashboard_entries"):
            entries = narrow(entries, self.request.user)
        rows = dashboard.summary(entries)
        chosen = {key: params.get(key, "") for key in ("organisation", "type", "language", "state")}
        listed = [
            entry
            for entry in entries
            if (
                entry.status.state == chosen["state"]
                if chosen["state"]
                else entry.status.state != UP_TO_DATE
            )
            and (not chosen["type"] or _type_key(entry.model) == chosen["type"])
            and (not chosen["language"] or entry.status.locale == chosen["language"])
            and ("organisation" not in params or entry.organisation == chosen["organisation"])
        ]
        language_names = dict(settings.LANGUAGES)
        context.update(
            {
                "state_labels": [STATE_LABELS[state] for state in TRANSLATION_STATES],
                "rows": [
                    {
                        "organisation": row.organisation,
                        "type": row.content_type,
                        "type_label": row.model._meta.verbose_name_plural,
                        "language": row.language,
                        "language_label": language_names.get(row.language, row.language),
                        "counts": [(state, row.counts[state]) for state in TRANSLATION_STATES],
                    }
                    for row in rows
                ],
                "items": [
                    {
                        "source": entry.source,
                        "type_label": entry.model._meta.verbose_name,
                        "organisation": entry.organisation,
                        "language_label": language_names.get(
                            entry.status.locale, entry.status.locale
                        ),
                        "status": entry.status,
                        "fields": fields_to_translate(entry),
                        "actions": action_links(entry.source, entry.status, self.request.user),
                    }
                    for entry in listed
                ],
                "chosen": chosen,
            }
        )
        return context


def _type_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def fields_to_translate(entry) -> str:
    """The fields changed in the source; the fields left untranslated (labels)."""
    changed = segment_field_labels(entry.status.changed_segments, entry.model)
    untranslated = segment_field_labels(entry.status.untranslated_segments, entry.model)
    return "; ".join(labels for labels in (changed, untranslated) if labels)
