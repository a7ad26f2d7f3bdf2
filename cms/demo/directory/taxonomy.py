"""Loading the built-in taxonomy (idempotent) and finding the network's spaces; shared by the
demo directory and the synthetic generator."""

import uuid

from wagtail.models import Locale

from cms.core.queries import visible_pages
from cms.directory.indexing import forget_context
from cms.directory.models import Sector, Skill
from cms.spaces.models import SpacePage
from search.indexing import index_records

from .taxonomy_data import SECTORS, SKILLS

NAMESPACE = uuid.UUID("6f1c1f0e-5d3a-4c1e-9a7e-0c0ffee0d1e5")
LANGUAGES = ("fr", "nl", "en")


def term_key(model, key: str) -> uuid.UUID:
    """Stable translation keys: the same skill has the same key in every database."""
    return uuid.uuid5(NAMESPACE, f"{model._meta.model_name}:{key}")


def ensure_taxonomy() -> dict[str, int]:
    """Create the skills and sectors that are missing, in French, Dutch and English (in bulk:
    no record uses a new term yet, so nothing else needs reindexing)."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    created = {"skills": 0, "sectors": 0}
    for model, terms, counter in ((Skill, SKILLS, "skills"), (Sector, SECTORS, "sectors")):
        existing = set(model.objects.values_list("translation_key", "locale__language_code"))
        taken = set(model.objects.values_list("slug", "locale__language_code"))
        new = []
        for key, by_language in terms.items():
            translation_key = term_key(model, key)
            for code in LANGUAGES:
                if code not in locales or (translation_key, code) in existing:
                    continue
                label, slug, synonyms = by_language[code][:3]
                if (slug, code) in taken:
                    continue  # an editor made their own term with this slug: keep theirs
                new.append(
                    model(
                        translation_key=translation_key,
                        locale=locales[code],
                        label=label,
                        slug=slug,
                        synonyms=synonyms,
                    )
                )
        if new:
            index_records(model, model.objects.bulk_create(new))
            created[counter] += len(new)
    forget_context()
    return created


def terms_by_key(model) -> dict[str, object]:
    """Built-in key -> the term's row in the default language (for linking records)."""
    keys = {term_key(model, key): key for key in (SKILLS if model is Skill else SECTORS)}
    rows = model.objects.filter(translation_key__in=keys, locale__language_code="fr")
    return {keys[row.translation_key]: row for row in rows}


def spaces_by_city() -> dict[str, object]:
    """The network's published spaces in the default language, by city (the coworking space
    first when a city also has a competence centre) and by title."""
    spaces = {}
    queryset = visible_pages(SpacePage.objects.filter(locale__language_code="fr")).order_by(
        "-kind", "pk"
    )
    for space in queryset:
        spaces.setdefault(space.city, space)
        spaces.setdefault(space.title, space)
    return spaces
