"""One search box for everything: the kinds of things the site search shows (pages, events,
studies, people, companies, project ideas), each registered by the app that owns it.

    groups = search_everywhere("boekhouder", language="nl", limit=5)
    for group in groups: group.kind, group.label, group.total, group.hits, group.degraded

search/ knows nothing of what is behind a kind: an app registers a ``SiteSource`` saying how
to search its things (only what a visitor may see), how it names them, and which words and
titles it knows (for "did you mean" and suggestions as you type). The app presents its hits.
"""

import contextvars
import difflib
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SiteHit:
    title: str
    url: str
    summary: str = ""
    language: str = ""  # the language of the hit's own text (for lang="…")
    type_label: str = ""  # what it is, in the visitor's language ("Event", "Coworker"…)


@dataclass(frozen=True)
class Found:
    """A source's answer: how many match, one slice of them, and whether the database
    answered instead of an engine."""

    total: int
    hits: list[SiteHit] = field(default_factory=list)
    degraded: bool = False


@dataclass(frozen=True)
class Known:
    """A title, a name or a word a source knows, for suggestions and "did you mean"."""

    label: str
    url: str = ""  # the thing's page; empty for a word (a skill…) that is best searched


def no_known(language: str) -> list[Known]:
    return []


@dataclass(frozen=True)
class SiteSource:
    kind: str  # "pages", "events", "coworkers"… (the ?kind= of the search page)
    label: Callable[[], str]  # the kind's name in the active language, plural
    #: (words, language, offset, limit) -> Found
    search: Callable[[str, str, int, int], Found]
    #: language -> what this source knows by name (cached by the source)
    known: Callable[[str], list[Known]] = no_known
    order: int = 100  # groups are shown in this order


@dataclass
class SiteGroup:
    kind: str
    label: str
    total: int
    hits: list[SiteHit]
    degraded: bool = False


_sources: dict[str, SiteSource] = {}


def register(source: SiteSource) -> None:
    _sources[source.kind] = source


def sources() -> list[SiteSource]:
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def get(kind: str) -> SiteSource | None:
    return _sources.get(kind)


#: what the sources of one site search read once and share (see ``shared``), else None
_one_search = contextvars.ContextVar("coffee_one_site_search", default=None)


@contextmanager
def one_search():
    """Sources called inside share what they read through ``shared`` (the visible pages of a
    language, a vocabulary...): one query for all kinds instead of one per kind. Nested
    calls share the outer one."""
    if _one_search.get() is not None:
        yield
        return
    token = _one_search.set({})
    try:
        yield
    finally:
        _one_search.reset(token)


def shared(key, compute):
    """``compute()`` once per ``key`` within ``one_search()``; outside, every time."""
    memo = _one_search.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def search_in(source: SiteSource, text: str, language: str, offset: int, limit: int) -> SiteGroup:
    found = source.search(text, language, offset, limit)
    return SiteGroup(
        kind=source.kind,
        label=str(source.label()),
        total=found.total,
        hits=list(found.hits),
        degraded=found.degraded,
    )


def search_everywhere(text: str, language: str, limit: int = 5) -> list[SiteGroup]:
    """The first ``limit`` hits of every kind, with their counts, kinds in their order."""
    with one_search():
        return [search_in(source, text, language, 0, limit) for source in sources()]


def finds_anything(text: str, language: str) -> bool:
    """Whether some kind has a hit for ``text``: kinds asked in their order, until one has."""
    with one_search():
        return any(source.search(text, language, 0, 1).total for source in sources())


# ---------------------------------------------------------------------- searches without results


@dataclass(frozen=True)
class MissAction:
    """What an editor can turn a search without results into, in one step (the report of
    search/wagtail_hooks.py): a synonym of a skill, a keyword of a page…"""

    name: str  # in the report's form values: "<name>:<target>"
    label: Callable[[], str]  # "Synonym of a skill", in the active language
    #: (language, user) -> the (target value, label) pairs the user may choose from, lazily
    #: where it saves reading (can_resolve_misses only asks whether there is one)
    targets: Callable[[str, object], Iterable[tuple[str, str]]]
    #: (words, language, target value, user) -> what was done, in the active language
    apply: Callable[[str, str, str, object], str]


_miss_actions: dict[str, MissAction] = {}


def register_miss_action(action: MissAction) -> None:
    _miss_actions[action.name] = action


def miss_actions() -> list[MissAction]:
    return list(_miss_actions.values())


def get_miss_action(name: str) -> MissAction | None:
    return _miss_actions.get(name)


# ---------------------------------------------------------------------- words, spelling


def fold(text: str) -> str:
    """'Comptabilité' -> 'comptabilite': what matching ignores (accents, case)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise_query(text: str) -> str:
    """The words of a query as they are compared and recorded: folded, one space apart."""
    return " ".join(fold(text).split())


def words_of(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in fold(text)).split()


def known_everything(language: str) -> list[tuple[str, Known]]:
    """(kind, known thing) of every source, in the sources' order."""
    return [(source.kind, known) for source in sources() for known in source.known(language)]


def suggestions(prefix: str, language: str, limit: int = 8) -> list[tuple[str, Known]]:
    """Known titles, names and words starting with ``prefix`` (or with a word that does),
    names that start with it first, each label once."""
    wanted = normalise_query(prefix)
    if not wanted:
        return []
    starts, inside, seen = [], [], set()
    for kind, known in known_everything(language):
        folded = normalise_query(known.label)
        if folded in seen:
            continue
        if folded.startswith(wanted):
            starts.append((kind, known))
            seen.add(folded)
        elif f" {wanted}" in f" {' '.join(words_of(known.label))}":
            inside.append((kind, known))
            seen.add(folded)
    return (starts + inside)[:limit]


def vocabulary(language: str) -> set[str]:
    """Every word of every known title, name and term (folded), three letters or more."""
    return {
        word
        for _kind, known in known_everything(language)
        for word in words_of(known.label)
        if len(word) >= 3 and not word.isdigit()
    }


def did_you_mean(text: str, language: str) -> str:
    """``text`` with each unknown word replaced by the closest known one, or "" when no
    word looks like a typo of a known one."""
    known = vocabulary(language)
    words = words_of(text)
    corrected, changed = [], False
    for word in words:
        if word in known or len(word) < 3 or word.isdigit():
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if close:
            corrected.append(close[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""
