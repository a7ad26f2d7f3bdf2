"""Which translation of a record each language shows.

A visitor reading language L sees, for every public record, its translation in L when that
translation is public, otherwise the oldest public row of the group (the language the record
was first written in). Working that out inside every directory query costs a correlated
sub-query per row (about 50 ms per query at 10,000 people on SQLite), so each row stores the
languages it stands for (``shown_in``), recomputed here whenever a row of its group is saved,
published, unpublished or deleted.

``shown_in`` only chooses between public rows: queries still apply ``public()`` (live,
consent, expiry, poster) every time, so a stale value can at worst hide a record for a while,
never show one that must stay hidden.
"""

from django.conf import settings
from django.utils import timezone


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def choose_rows(rows) -> dict[int, list[str]]:
    """rows: (pk, language, is_public) of one translation group -> {pk: languages shown}."""
    public = sorted((pk, language) for pk, language, is_public in rows if is_public)
    shown = {pk: [] for pk, _language, _public in rows}
    if not public:
        return shown
    by_language = {}
    for pk, language in public:
        by_language.setdefault(language, pk)
    oldest = public[0][0]
    for language in site_languages():
        shown[by_language.get(language, oldest)].append(language)
    return shown


def refresh_group(model, translation_key) -> None:
    """Recompute ``shown_in`` for every row of one translation group (three small queries)."""
    group = model._default_manager.filter(translation_key=translation_key)
    public_pks = set(
        group.filter(model.own_public_condition(timezone.now())).values_list("pk", flat=True)
    )
    rows = list(group.values_list("pk", "locale__language_code", "shown_in"))
    chosen = choose_rows([(pk, language, pk in public_pks) for pk, language, _shown in rows])
    for pk, _language, current in rows:
        if list(current) != chosen[pk]:
            model._default_manager.filter(pk=pk).update(shown_in=chosen[pk])


def refresh_all(model, *, batch_size: int = 5000) -> int:
    """Recompute ``shown_in`` for every row (after bulk loads or a change of LANGUAGES)."""
    from collections import defaultdict

    now = timezone.now()
    manager = model._default_manager
    public_pks = set(manager.filter(model.own_public_condition(now)).values_list("pk", flat=True))
    groups = defaultdict(list)
    current = {}
    for pk, key, language, shown in manager.values_list(
        "pk", "translation_key", "locale__language_code", "shown_in"
    ):
        groups[key].append((pk, language, pk in public_pks))
        current[pk] = list(shown)
    changes = defaultdict(list)  # languages -> pks
    for rows in groups.values():
        for pk, languages in choose_rows(rows).items():
            if current[pk] != languages:
                changes[tuple(languages)].append(pk)
    changed = 0
    for languages, pks in changes.items():
        for start in range(0, len(pks), batch_size):
            changed += manager.filter(pk__in=pks[start : start + batch_size]).update(
                shown_in=list(languages)
            )
    return changed
