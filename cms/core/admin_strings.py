"""Strings of Wagtail and wagtail-localize whose shipped French or Dutch translation is
missing, English or wrong. Listed here so that ``make translations`` keeps them in locale/,
whose catalog Django reads before the packages' own (LOCALE_PATHS)."""

from django.utils.translation import gettext_noop

PACKAGE_STRINGS = [
    gettext_noop("Any"),  # fr: "Any"
    gettext_noop("Status: "),  # fr: "Status :"
    gettext_noop("Current page status:"),  # fr: "Status actuel de la page :"
    gettext_noop("Locking status"),  # fr: "Status de verrouillage"
    gettext_noop("Actions"),
    gettext_noop("More actions"),
    gettext_noop("pages"),
]
