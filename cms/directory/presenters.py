"""Directory records as a visitor sees them: free text in the language it exists in, every
label (skills, sectors, spaces, choices) in the visitor's language. Shared by the pages, the
search results and the API."""

from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.db.models import Count, Prefetch, Q, TextField, Value
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.text import Truncator

from .models import Company, Coworker, ProjectIdea
from .vocabulary import Option, Vocabulary

RELATED_LIMIT = 6
SUMMARY_WORDS = 40

# What each kind needs loaded to be shown in a list: the rows joined to it, and the relations
# whose translation keys it shows (kept here so every list is bounded).
LIST_RELATED = {
    "coworkers": (("locale", "photo"), ("skills", "sectors", "home_space", "spaces_visited")),
    "companies": (("locale", "logo"), ("skills", "sectors", "spaces")),
    "projects": (
        ("locale", "posted_by_coworker", "posted_by_company"),
        ("skills", "sectors"),
    ),
}
SPACE_RELATIONS = ("home_space", "spaces_visited", "spaces")  # the order they are shown in

# Columns no list reads (Wagtail's publishing bookkeeping, what only a record's own page
# shows), left unloaded: converting them cost more than the rest of the row.
NOT_IN_LISTS = (
    "latest_revision",
    "has_unpublished_changes",
    "last_published_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "sort_key",
    "shown_in",
)
NOT_IN_LISTS_OF = {
    "coworkers": ("social_links", "consent_given_at", "consent_withdrawn_at", "consent_note"),
    "companies": ("social_links",),
    "projects": (),
}


def for_list(queryset, kind: str):
    """``queryset`` loading what a list of ``kind`` shows of each record, and no more."""
    return queryset.select_related(*LIST_RELATED[kind][0]).defer(
        *NOT_IN_LISTS, *NOT_IN_LISTS_OF[kind]
    )


def _keys_only(model, name: str) -> Prefetch:
    """A list shows taxonomy terms and spaces through the vocabulary: their translation key
    is all it reads (whole pages and terms cost more to load than the records)."""
    related = model._meta.get_field(name).related_model
    return Prefetch(name, queryset=related._default_manager.only("pk", "translation_key"))


def with_list_related(queryset, kind: str):
    """For one record (a detail page); lists use ``list_records``."""
    select, prefetch = LIST_RELATED[kind]
    model = queryset.model
    return queryset.select_related(*select).prefetch_related(
        *(_keys_only(model, name) for name in prefetch)
    )


def _order_column(related) -> str:
    """What the related rows are sorted by when read through their manager (pages: path)."""
    ordering = related._default_manager.all().query.order_by or related._meta.ordering
    first = ordering[0] if ordering else "pk"
    return first if isinstance(first, str) and not first.startswith("-") else "pk"


def _related_keys(model, relations: tuple, ids):
    """(position of the relation, record id, translation key, sort text) rows of the
    records ``ids``, every relation in one UNION ALL query."""
    parts = []
    for position, name in enumerate(relations):
        field = model._meta.get_field(name)
        order_column = _order_column(field.related_model)
        if field.many_to_many:
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            links = field.remote_field.through._default_manager.filter(**{f"{source}_id__in": ids})
            row = (f"{source}_id", f"{target}__translation_key", f"{target}__{order_column}")
        else:
            links = model._default_manager.filter(pk__in=ids, **{f"{name}__isnull": False})
            row = ("pk", f"{name}__translation_key", f"{name}__{order_column}")
        parts.append(
            links.order_by().values_list(Value(position), row[0], row[1], Cast(row[2], TextField()))
        )
    return parts[0].union(*parts[1:], all=True)


def _uuid_text(value) -> str:
    """A translation key as ``str(UUID)`` writes it, from a raw column (SQLite: 32 hex digits)."""
    if isinstance(value, UUID):
        return str(value)
    if len(value) == 32:
        return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
    return str(UUID(value))


def list_records(queryset, kind: str, limit: int | None = None) -> list:
    """The records of a list, with the translation keys of their skills, sectors and spaces
    read in one query for all of them (``prefetch_related`` takes one per relation)."""
    queryset = for_list(queryset, kind)
    return with_related_keys(list(queryset if limit is None else queryset[:limit]), kind)


def with_related_keys(records: list, kind: str) -> list:
    """``records`` (loaded by ``for_list``) with the translation keys
    of their skills, sectors and spaces, read in one query."""
    if not records:
        return records
    relations = LIST_RELATED[kind][1]
    model = type(records[0])
    ids = [record.pk for record in records]
    rows = sorted(_related_keys(model, relations, ids), key=lambda row: (row[0], row[3] or ""))
    keys = {record.pk: {name: [] for name in relations} for record in records}
    for position, pk, key, _order in rows:
        keys[pk][relations[position]].append(_uuid_text(key))
    for record in records:
        record._related_keys = keys[record.pk]
        if any(name in SPACE_RELATIONS for name in relations):
            record._space_keys = [
                key for name in SPACE_RELATIONS for key in keys[record.pk].get(name, ())
            ]
    return records


@dataclass
class RecordView:
    record: object
    kind: str
    name: str
    url: str
    language: str  # the language of the record's own text (for lang="…")
    summary: str
    skills: list[Option] = field(default_factory=list)
    sectors: list[Option] = field(default_factory=list)
    spaces: list[Option] = field(default_factory=list)
    place: str = ""
    facts: list[tuple[str, str]] = field(
        default_factory=list
    )  # (label, value) in visitor's language
    image: object = None

    @property
    def translated(self) -> bool:
        return self.language == translation.get_language()


def _keys(record, name: str) -> list[str]:
    """Translation keys of a record's skills or sectors (loaded by ``list_records``, else
    read through the relation)."""
    loaded = record.__dict__.get("_related_keys")
    if loaded is not None:
        return loaded.get(name, [])
    return [str(item.translation_key) for item in getattr(record, name).all()]


def _choice_labels(vocabulary, name, codes) -> str:
    return ", ".join(o.label for code in codes if (o := vocabulary.by_key(name, code)))


def _place(vocabulary, city, country) -> str:
    country_option = vocabulary.by_key("country", country) if country else None
    return ", ".join(
        part for part in (city, country_option.label if country_option else "") if part
    )


def present(record, vocabulary: Vocabulary) -> RecordView:
    if translation.get_language() != vocabulary.language:
        with translation.override(vocabulary.language):
            return present(record, vocabulary)
    language = vocabulary.language
    view = RecordView(
        record=record,
        kind=record.directory_kind,
        name=str(record),
        url=record.get_url(language),
        language=record.locale.language_code,
        summary="",
        skills=vocabulary.labels("skill", _keys(record, "skills")),
        sectors=vocabulary.labels("sector", _keys(record, "sectors")),
    )
    if isinstance(record, Coworker):
        view.summary = record.headline
        view.spaces = vocabulary.labels("space", record.space_keys(), keep_order=True)
        view.place = _place(vocabulary, record.city, record.country)
        view.image = record.photo
        view.facts = [
            (
                str(Coworker._meta.get_field("languages").verbose_name).capitalize(),
                _choice_labels(vocabulary, "language", record.languages),
            ),
            (
                str(Coworker._meta.get_field("open_to").verbose_name).capitalize(),
                _choice_labels(vocabulary, "open_to", record.open_to),
            ),
        ]
    elif isinstance(record, Company):
        view.summary = Truncator(record.description).words(SUMMARY_WORDS)
        view.spaces = vocabulary.labels("space", record.space_keys(), keep_order=True)
        view.place = _place(vocabulary, record.city, record.country)
        view.image = record.logo
        view.facts = [
            (
                str(Company._meta.get_field("kind").verbose_name).capitalize(),
                _choice_labels(vocabulary, "type", [record.kind]),
            ),
            (
                str(Company._meta.get_field("size").verbose_name).capitalize(),
                _choice_labels(vocabulary, "size", [record.size] if record.size else []),
            ),
            (
                str(Company._meta.get_field("year_founded").verbose_name).capitalize(),
                str(record.year_founded or ""),
            ),
        ]
    elif isinstance(record, ProjectIdea):
        view.summary = Truncator(record.description).words(SUMMARY_WORDS)
        view.facts = [
            (
                str(ProjectIdea._meta.get_field("status").verbose_name).capitalize(),
                _choice_labels(vocabulary, "status", [record.status]),
            ),
        ]
    view.facts = [(label, value) for label, value in view.facts if value]
    return view


def present_many(records, vocabulary: Vocabulary) -> list[RecordView]:
    return [present(record, vocabulary) for record in records]


def alternates(record) -> list[dict]:
    """hreflang links: every published record is readable in every site language."""
    links = [{"hreflang": code, "url": record.get_url(code)} for code, _name in settings.LANGUAGES]
    links.append({"hreflang": "x-default", "url": record.get_url(settings.LANGUAGE_CODE)})
    return links


def related_records(record, language: str, limit: int = RELATED_LIMIT):
    """Public records of the same kind sharing skills or a space, most shared skills first."""
    model = type(record)
    skill_keys = _keys(record, "skills")
    space_keys = [str(key) for key in record.space_keys()]
    condition = Q(skills__translation_key__in=skill_keys)
    if model is Coworker:
        condition |= Q(home_space__translation_key__in=space_keys)
        condition |= Q(spaces_visited__translation_key__in=space_keys)
    elif model is Company:
        condition |= Q(spaces__translation_key__in=space_keys)
    candidates = model._default_manager.filter(condition).values("pk")
    queryset = (
        model.objects.in_locale(language)
        .exclude(translation_key=record.translation_key)
        .filter(pk__in=candidates)
        .annotate(
            shared=Count("skills", filter=Q(skills__translation_key__in=skill_keys), distinct=True)
        )
        .order_by("-shared", "sort_key")
    )
    return list_records(queryset, record.directory_kind, limit)


def detail_context(record, language: str, *, request=None, preview: bool = False) -> dict:
    vocabulary = Vocabulary.current(language)
    view = present(record, vocabulary)
    context = {
        "record": record,
        "view": view,
        "kind": record.directory_kind,
        "alternates": alternates(record),
        "related": present_many(related_records(record, language), vocabulary),
        "is_preview": preview,
    }
    group_keys = [record.translation_key]
    if isinstance(record, Coworker):
        companies = Company.objects.in_locale(language).filter(
            people__translation_key__in=group_keys
        )
        projects = ProjectIdea.objects.in_locale(language).filter(
            posted_by_coworker__translation_key__in=group_keys
        )
        context["companies"] = present_many(
            list_records(companies.distinct(), "companies"), vocabulary
        )
        context["projects"] = present_many(list_records(projects, "projects"), vocabulary)
        context["social_links"] = [block.value for block in record.social_links]
    elif isinstance(record, Company):
        people_keys = [person.translation_key for person in record.people.all()]
        people = Coworker.objects.in_locale(language).filter(translation_key__in=people_keys)
        projects = ProjectIdea.objects.in_locale(language).filter(
            posted_by_company__translation_key__in=group_keys
        )
        context["people"] = present_many(list_records(people, "coworkers"), vocabulary)
        context["projects"] = present_many(list_records(projects, "projects"), vocabulary)
        context["social_links"] = [block.value for block in record.social_links]
    elif isinstance(record, ProjectIdea):
        posters = []
        if record.posted_by_coworker_id:
            person = Coworker.objects.in_locale(language).filter(
                translation_key=record.posted_by_coworker.translation_key
            )
            posters += present_many(list_records(person, "coworkers"), vocabulary)
        if record.posted_by_company_id:
            company = Company.objects.in_locale(language).filter(
                translation_key=record.posted_by_company.translation_key
            )
            posters += present_many(list_records(company, "companies"), vocabulary)
        context["posters"] = posters
    return context
