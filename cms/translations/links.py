"""Where an editor acts on a translation: translate, edit, update from the source."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from .status import MISSING, OUTDATED, TranslationStatus


def translate_url(source) -> str:
    """wagtail-localize's "Translate" form for ``source``."""
    if isinstance(source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    meta = source._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(source.pk)],
    )


def action_links(source, status: TranslationStatus, user) -> list[tuple[str, str]]:
    """[(label, url)]: translate a missing translation; otherwise edit it, and update an
    outdated one from its source."""
    if status.state == MISSING:
        return [(_("Translate"), translate_url(source))]
    links = []
    edit_url = AdminURLFinder(user).get_edit_url(status.instance) if status.instance else None
    if edit_url:
        links.append((_("Edit translation"), edit_url))
    if status.state == OUTDATED and status.changed_segments and status.source_id:
        links.append(
            (
                _("Update from source"),
                reverse("wagtail_localize:update_translations", args=[status.source_id]),
            )
        )
    return links
