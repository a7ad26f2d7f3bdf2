"""Names that are data in the admin but that editors read as interface: workflows, tasks and
groups ("Soumettre à Moderators approval").

A workflow, task or group whose name is one of the msgids below is shown in the editor's
language; its stored name stays the msgid (an edit form that sends the translation back
stores the msgid again). To add one (e.g. a new organisation role), name it
in English here with ``gettext_noop``, give it the same English name in the database, and
translate it in locale/ like any other string.

Names made of a fixed part and a proper name ("Editors · La Ruche", one group per
organisation) follow a pattern of ``PATTERNS``: the stored name stays "Editors · La Ruche",
a French editor reads the pattern's translation with the same organisation.
"""

import re

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Task, Workflow

NAMES = frozenset(
    {
        gettext_noop("Moderators approval"),
        gettext_noop("Moderators"),
        gettext_noop("Editors"),
        gettext_noop("Coordination review"),
        gettext_noop("Coordinators"),
    }
)


#: the editors' group of one organisation ("Editors · La Ruche")
EDITORS_OF = gettext_noop("Editors · %(name)s")
#: patterns with one ``%(name)s`` part, kept as such in the stored name
PATTERNS = (EDITORS_OF,)


def _pattern_regex(pattern: str) -> re.Pattern:
    before, _placeholder, after = pattern.partition("%(name)s")
    return re.compile(f"{re.escape(before)}(?P<name>.+){re.escape(after)}", re.DOTALL)


def _pattern_of(name: str) -> tuple[str, str] | None:
    """(pattern, proper name) when ``name`` is stored under one of ``PATTERNS``."""
    for pattern in PATTERNS:
        match = _pattern_regex(pattern).fullmatch(name)
        if match:
            return pattern, match["name"]
    return None


class CatalogName(str):
    """A stored name (the msgid) that displays in the active language.

    The database and comparisons see the msgid; ``str()``, templates and ``%`` formatting
    see the translation.
    """

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, spec):
        return format(str(self), spec)


class PatternName(CatalogName):
    """A stored name that follows one of ``PATTERNS`` ("Editors · La Ruche"), displayed
    with the pattern's translation ("Éditeurs · La Ruche")."""

    def __str__(self):
        pattern, name = _pattern_of(str.__str__(self))
        return gettext(pattern) % {"name": name}


def translate_name(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if not isinstance(name, str) or isinstance(name, CatalogName):
        return
    if name in NAMES:
        instance.name = CatalogName(name)
    elif _pattern_of(name):
        instance.name = PatternName(name)


def msgid_for(name: str) -> str:
    """The msgid whose translation, in one of the site's languages, is `name` (an edit form
    shows and sends back the translation), else `name` itself."""
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for msgid in NAMES:
                if gettext(msgid) == name:
                    return msgid
            for pattern in PATTERNS:
                match = _pattern_regex(gettext(pattern)).fullmatch(name)
                if match:
                    return pattern % {"name": match["name"]}
    return name


def store_msgid(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if isinstance(name, str) and not isinstance(name, CatalogName):
        instance.name = msgid_for(name)
        translate_name(sender, instance)  # the saved instance keeps reading in the language


def connect():
    """Called once models are loaded: every task type is a model of its own."""
    models = [Workflow, Group, *(m for m in apps.get_models() if issubclass(m, Task))]
    for model in models:
        post_init.connect(translate_name, sender=model, dispatch_uid=f"catalog-name-{model}")
        pre_save.connect(store_msgid, sender=model, dispatch_uid=f"catalog-msgid-{model}")
