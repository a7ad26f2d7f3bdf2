from django.utils.translation import gettext
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean field shown as "Oui"/"Non" in the editor's language, not "True"/"False"."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        value = super().get_value(instance)
        return gettext("Yes") if value else gettext("No")
