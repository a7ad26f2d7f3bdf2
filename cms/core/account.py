"""The admin's account settings without a required first and last name.

Wagtail's "Name and e-mail" panel requires both names, so an editor who only wants to change
the admin's language gets errors about fields they did not touch. Same view, same panels,
names optional.
"""

from wagtail.admin.forms.account import NameEmailForm
from wagtail.admin.views.account import AccountView, NameEmailSettingsPanel


class OptionalNameEmailForm(NameEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False


class OptionalNameEmailSettingsPanel(NameEmailSettingsPanel):
    form_class = OptionalNameEmailForm


class EditorAccountView(AccountView):
    def get_panels(self):
        return [
            OptionalNameEmailSettingsPanel(panel.request, panel.user, panel.profile)
            if type(panel) is NameEmailSettingsPanel
            else panel
            for panel in super().get_panels()
        ]
