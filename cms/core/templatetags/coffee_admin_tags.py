"""Template helpers of the admin's overrides (site/templates/wagtailadmin, wagtail_localize) and
of the project's own admin views."""

from django import template
from django.utils import translation
from django.utils.html import json_script
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def translation_editor_i18n(source_locale, target_locale):
    """What site/static/coffee_admin/translation_editor.js translates: the English strings
    wagtail-localize's editor writes without gettext, and the editor's language for dates."""
    source, target = source_locale.get_display_name(), target_locale.get_display_name()
    strings = {
        f"{source} to {target} translation": gettext("Translation from %(source)s into %(target)s")
        % {"source": source, "target": target},
        "More actions": gettext("More actions"),
    }
    return json_script(
        {"language": translation.get_language(), "strings": strings},
        "coffee-translation-editor-i18n",
    )


@register.inclusion_tag("includes/admin/listing_header.html")
def listing_header(*labels):
    """The header row of an admin listing table, a column per label; a label may be a list of
    labels (columns read from data)."""
    columns = []
    for label in labels:
        columns.extend(label if isinstance(label, list | tuple) else [label])
    return {"labels": columns}
