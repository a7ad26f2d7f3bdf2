from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app when you sign in."),
    }
