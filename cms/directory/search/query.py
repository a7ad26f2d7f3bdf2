"""What a visitor asks the directory, and the one place where request parameters are checked.

``parse_directory_query`` never raises on bad input: it returns a usable query plus a list of
``ParameterError`` (parameter name, code, message in the active language) saying what was
corrected. Pages show the messages; the API turns them into a 400 response.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

from django.conf import settings
from django.utils.translation import gettext as _

from ..kinds import DEFAULT_KIND, KINDS
from ..vocabulary import Vocabulary

MAX_TEXT_LENGTH = 200
MAX_TERMS = 12
MAX_VALUES_PER_FILTER = 20
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 500

# Query-string parameter names (the API uses the same ones).
TEXT_PARAM, KIND_PARAM, SORT_PARAM, PAGE_PARAM, PAGE_SIZE_PARAM, LOCALE_PARAM = (
    "q",
    "kind",
    "sort",
    "page",
    "page_size",
    "locale",
)
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ParameterError:
    parameter: str
    code: str
    message: str
    value: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class DirectoryQuery:
    """A directory search, independent of the engine that answers it.

    ``filters`` maps a facet name (``skill``, ``space``…) to the selected tokens as they appear
    in URLs (slugs in the visitor's language, choice codes); values of one facet are OR-ed,
    facets are AND-ed. ``ordering`` is one of the kind's orderings, or "" for the default
    (relevance when there is text, else name).
    """

    kind: str = DEFAULT_KIND
    text: str = ""
    locale: str = field(default_factory=lambda: settings.LANGUAGE_CODE)
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ordering: str = ""
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(WORD.findall(self.text))[:MAX_TERMS]

    @property
    def effective_ordering(self) -> str:
        orderings = KINDS[self.kind].orderings
        if self.ordering and self.ordering in orderings:
            if self.ordering == "relevance" and not self.terms:
                return orderings[1]
            return self.ordering
        return "relevance" if self.terms else orderings[1]

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def replace(self, **changes) -> "DirectoryQuery":
        return replace(self, **changes)

    def selected(self, facet: str) -> tuple[str, ...]:
        return tuple(self.filters.get(facet, ()))

    def params(self, *, page: bool = True) -> list[tuple[str, str]]:
        """The query as query-string pairs (shareable links), defaults left out."""
        pairs = []
        if self.kind != DEFAULT_KIND:
            pairs.append((KIND_PARAM, self.kind))
        if self.text:
            pairs.append((TEXT_PARAM, self.text))
        for name, values in self.filters.items():
            pairs.extend((name, value) for value in values)
        if self.ordering:
            pairs.append((SORT_PARAM, self.ordering))
        if self.page_size != DEFAULT_PAGE_SIZE:
            pairs.append((PAGE_SIZE_PARAM, str(self.page_size)))
        if page and self.page != 1:
            pairs.append((PAGE_PARAM, str(self.page)))
        return pairs


def _get_list(params, name) -> list[str]:
    if hasattr(params, "getlist"):
        return [str(value) for value in params.getlist(name)]
    value = params.get(name) if isinstance(params, Mapping) else None
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


def _get(params, name) -> str | None:
    values = _get_list(params, name)
    return values[-1] if values else None


def _short(value: str, length: int = 40) -> str:
    return value if len(value) <= length else value[: length - 1] + "…"


def clean_text(value: str) -> str:
    """Remove control characters (NUL…) and collapse white space."""
    value = "".join(
        " " if unicodedata.category(char).startswith(("C", "Z")) else char for char in value
    )
    return " ".join(value.split())


def _parse_int(params, name, default, minimum, maximum, errors, label) -> int:
    raw = _get(params, name)
    if raw is None or raw.strip() == "":
        return default
    try:
        number = int(raw.strip())
    except ValueError:
        errors.append(
            ParameterError(
                name,
                "invalid",
                _("“%(value)s” is not a valid %(what)s: %(default)s was used instead.")
                % {"value": _short(raw), "what": label, "default": default},
                _short(raw),
            )
        )
        return default
    if number < minimum or number > maximum:
        fixed = min(max(number, minimum), maximum)
        errors.append(
            ParameterError(
                name,
                "out_of_range",
                _("The %(what)s must be between %(min)d and %(max)d: %(fixed)d was used instead.")
                % {"what": label, "min": minimum, "max": maximum, "fixed": fixed},
                _short(raw),
            )
        )
        return fixed
    return number


def parse_directory_query(
    params, *, locale: str | None = None, kind: str | None = None, vocabulary=None
) -> tuple[DirectoryQuery, list[ParameterError], Vocabulary]:
    """Read a directory search from request parameters (a QueryDict or a plain dict).

    ``locale`` and ``kind`` given by the caller (from the URL) win over the parameters. Returns
    the query, the corrections made, and the vocabulary it was checked against (pass it on to
    ``search`` to save the queries).
    """
    errors: list[ParameterError] = []
    languages = [code for code, _name in settings.LANGUAGES]

    if locale is None:
        locale = _get(params, LOCALE_PARAM) or settings.LANGUAGE_CODE
    if locale not in languages:
        errors.append(
            ParameterError(
                LOCALE_PARAM,
                "unknown",
                _("Unknown language “%(value)s”: choose one of %(choices)s.")
                % {"value": _short(locale), "choices": ", ".join(languages)},
                _short(locale),
            )
        )
        locale = settings.LANGUAGE_CODE

    if kind is None:
        kind = _get(params, KIND_PARAM) or DEFAULT_KIND
    if kind not in KINDS:
        errors.append(
            ParameterError(
                KIND_PARAM,
                "unknown",
                _("Unknown kind of record “%(value)s”: people are shown.")
                % {"value": _short(kind)},
                _short(kind),
            )
        )
        kind = DEFAULT_KIND
    spec = KINDS[kind]

    text = clean_text(_get(params, TEXT_PARAM) or "")
    if len(text) > MAX_TEXT_LENGTH:
        errors.append(
            ParameterError(
                TEXT_PARAM,
                "too_long",
                _("Your search was shortened to %(n)d characters.") % {"n": MAX_TEXT_LENGTH},
                _short(text),
            )
        )
        text = (
            text[:MAX_TEXT_LENGTH].rsplit(" ", 1)[0]
            if " " in text[:MAX_TEXT_LENGTH]
            else text[:MAX_TEXT_LENGTH]
        )
    if len(WORD.findall(text)) > MAX_TERMS:
        errors.append(
            ParameterError(
                TEXT_PARAM,
                "too_many_words",
                _("Only the first %(n)d words of your search were used.") % {"n": MAX_TERMS},
                _short(text),
            )
        )

    vocabulary = vocabulary if vocabulary is not None else Vocabulary.current(locale)
    filters: dict[str, tuple[str, ...]] = {}
    for facet in spec.facets:
        tokens = []
        for raw in _get_list(params, facet.name):
            raw = clean_text(raw)
            if not raw:
                continue
            option = vocabulary.resolve(facet.vocabulary_name, raw)
            if option is None:
                errors.append(
                    ParameterError(
                        facet.name,
                        "unknown",
                        _("Unknown value “%(value)s” for “%(filter)s”: this filter was ignored.")
                        % {"value": _short(raw), "filter": facet.label},
                        _short(raw),
                    )
                )
            elif option.token not in tokens:
                tokens.append(option.token)
        if len(tokens) > MAX_VALUES_PER_FILTER:
            errors.append(
                ParameterError(
                    facet.name,
                    "too_many",
                    _("At most %(n)d values can be chosen for “%(filter)s”.")
                    % {"n": MAX_VALUES_PER_FILTER, "filter": facet.label},
                )
            )
            tokens = tokens[:MAX_VALUES_PER_FILTER]
        if tokens:
            filters[facet.name] = tuple(tokens)

    ordering = (_get(params, SORT_PARAM) or "").strip()
    if ordering and ordering not in spec.orderings:
        errors.append(
            ParameterError(
                SORT_PARAM,
                "unknown",
                _("Unknown sort order “%(value)s”: the default order was used.")
                % {"value": _short(ordering)},
                _short(ordering),
            )
        )
        ordering = ""

    page = _parse_int(params, PAGE_PARAM, 1, 1, MAX_PAGE, errors, _("page number"))
    page_size = _parse_int(
        params, PAGE_SIZE_PARAM, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors, _("page size")
    )

    query = DirectoryQuery(
        kind=kind,
        text=text,
        locale=locale,
        filters=filters,
        ordering=ordering,
        page=page,
        page_size=page_size,
    )
    return query, errors, vocabulary
