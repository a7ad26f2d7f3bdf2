"""The directory's documents on a search engine: their shape, per kind, and how they are read
from the database. Registered with search/ when the app is ready (``register_indexes``).

One index per kind holds one document per public row, keyed by ``<translation key>:<language
of the row>``, with the locales that show it (``locales``: the row's ``shown_in``, see
``Model.objects.in_locale``). A document holds:

- ``name``: the record's name (``name`` or ``title``);
- ``headline_<lang>`` and ``body_<lang>``: free text, in the field of the language the row is
  written in, analysed with that language's analyzer;
- ``skills``: labels and synonyms of its skills and sectors in every language (cross-language
  matching: "comptable", "boekhouder" and "accountant" all find an accountant);
- ``places``: city, spaces, poster;
- names, headlines and skills feed ``suggest`` (edge n-grams) for autocomplete;
- ``facet_<name>`` keyword fields: the keys the record is filed under (``FacetSpec.paths``);
- ``pk``, ``sort_key``, ``first_published_at``, ``deadline`` for orderings;
- ``expire_at``: when the record stops being public without being saved again (its own
  expiry; for a project idea also its poster's), so that every query leaves it out on time.
"""

from search import registry
from search.documents import LANGUAGE_ANALYZERS, IndexShape
from search.documents import document_id as document_id_of

from ..indexing import current_context, forget_context
from ..kinds import KINDS
from ..models import Company, Coworker, ProjectIdea

# Per kind: which model field feeds "headline" and "body".
TEXT_FIELDS = {
    "coworkers": {"headline": "headline", "body": "bio"},
    "companies": {"body": "description"},
    "projects": {"body": "description"},
}
BOOSTS = {"name": 4, "skills": 3, "headline": 2, "body": 1, "places": 1}


def shape(kind) -> IndexShape:
    """Every kind has the same fields (``headline`` stays empty where a kind has none), and
    its own facets."""
    return IndexShape(
        name=kind.name,
        text={"name": BOOSTS["name"], "places": BOOSTS["places"]},
        multilingual={"skills": BOOSTS["skills"]},
        per_language={"headline": BOOSTS["headline"], "body": BOOSTS["body"]},
        # Like the database engine, autocomplete completes names, headlines and skills, not
        # biographies (which would also triple the size of the edge n-grams).
        suggest=frozenset({"name", "skills", "headline"}),
        facets=tuple(spec.name for spec in kind.facets),
        keywords=("sort_key",),
        dates=("first_published_at", "deadline"),
        # Searches read only ``pk``: the long skills and places texts are not stored.
        not_stored=("skills", "places"),
    )


CHUNK_SIZE = 2000


def _poster_texts(model, pks) -> dict[int, str]:
    """The names of the ideas' posters, for those whose own record is public (the one rule,
    ``public()``), in three queries for many ideas."""
    rows = list(
        model._default_manager.filter(pk__in=pks)
        .order_by()
        .values_list(
            "pk",
            "posted_by_coworker_id",
            "posted_by_coworker__name",
            "posted_by_company_id",
            "posted_by_company__name",
        )
    )
    people = {row[1] for row in rows if row[1]}
    companies = {row[3] for row in rows if row[3]}
    public_people = set(
        Coworker.objects.public().filter(pk__in=people).values_list("pk", flat=True)
    )
    public_companies = set(
        Company.objects.public().filter(pk__in=companies).values_list("pk", flat=True)
    )
    texts = {}
    for pk, person_id, person, company_id, company in rows:
        names = []
        if person_id in public_people:
            names.append(person)
        if company_id in public_companies:
            names.append(company)
        texts[pk] = " ".join(names)
    return texts


def _facet_values(model, spec, pks) -> dict[int, list[str]]:
    """The keys each record is filed under for one facet: one query per path (joins by SQL)."""
    values: dict[int, list[str]] = {}
    for path in spec.paths:
        rows = model._default_manager.filter(pk__in=pks).order_by().values_list("pk", path)
        for pk, value in rows:
            found = values.setdefault(pk, [])
            for item in value if isinstance(value, list | tuple) else [value]:
                if item not in (None, "") and str(item) not in found:
                    found.append(str(item))
    return values


def _poster_expiries(model, pks) -> dict[int, object]:
    """When each idea's poster stops being public (None: never, or no poster): the latest
    expiry of the poster's public rows, any of which keeps the idea public."""
    posters = dict(
        model._default_manager.filter(pk__in=pks, posted_by_coworker__isnull=False)
        .order_by()
        .values_list("pk", "posted_by_coworker__translation_key")
    )
    latest: dict = {}
    rows = (
        Coworker.objects.public()
        .filter(translation_key__in=set(posters.values()))
        .order_by()
        .values_list("translation_key", "expire_at")
    )
    for key, expire_at in rows:
        if key in latest and latest[key] is None:
            continue
        latest[key] = None if expire_at is None else max(expire_at, latest.get(key, expire_at))
    return {pk: latest.get(key) for pk, key in posters.items()}


def _earliest(*instants):
    found = [instant for instant in instants if instant is not None]
    return min(found) if found else None


def _iso(value):
    return value.isoformat() if value is not None else None


def build_rows(kind, pks, context):
    """(document id, document) for each row of ``pks``, built from a few queries per chunk
    instead of model instances."""
    model = kind.model
    texts = TEXT_FIELDS[kind.name]
    field_names = {field.name for field in model._meta.get_fields()}
    columns = ["pk", "translation_key", "locale__language_code", model.name_field, "sort_key"]
    columns += ["first_published_at", "expire_at", "shown_in", *texts.values()]
    columns += [name for name in ("city", "deadline") if name in field_names]
    # The context is keyed by UUID objects, the facet values are strings.
    term_words = {str(key): words for key, words in context.terms.items()}
    space_words = {str(key): words for key, words in context.spaces.items()}

    def words(table, keys):
        return " ".join(word for key in keys for word in table.get(key, ()))

    pks = list(pks)
    for start in range(0, len(pks), CHUNK_SIZE):
        chunk = pks[start : start + CHUNK_SIZE]
        facets = {spec.name: _facet_values(model, spec, chunk) for spec in kind.facets}
        posters = _poster_texts(model, chunk) if kind.name == "projects" else {}
        poster_expiries = _poster_expiries(model, chunk) if kind.name == "projects" else {}
        rows = model._default_manager.filter(pk__in=chunk).order_by("pk").values(*columns)
        for row in rows:
            pk = row["pk"]
            language = row["locale__language_code"]
            language = language if language in LANGUAGE_ANALYZERS else "en"
            terms = facets["skill"].get(pk, []) + facets["sector"].get(pk, [])
            spaces = facets["space"].get(pk, []) if "space" in facets else []
            places = [row.get("city") or "", words(space_words, spaces), posters.get(pk, "")]
            key = str(row["translation_key"])
            document = {
                "pk": pk,
                "translation_key": key,
                "language": language,
                "locales": list(row["shown_in"] or ()),
                "name": row[model.name_field],
                "skills": words(term_words, terms),
                "places": " ".join(word for word in places if word),
                "sort_key": row["sort_key"],
                "first_published_at": _iso(row["first_published_at"]),
                "deadline": _iso(row.get("deadline")),
                "expire_at": _iso(_earliest(row["expire_at"], poster_expiries.get(pk))),
            }
            for target, field in texts.items():
                document[f"{target}_{language}"] = row[field] or ""
            for spec in kind.facets:
                document[f"facet_{spec.name}"] = facets[spec.name].get(pk, [])
            yield document_id_of(key, row["locale__language_code"]), document


def shown_rows(kind):
    """The rows some locale shows: the documents of the kind's index."""
    return kind.model.objects.public().exclude(shown_in="")


def group_documents(kind):
    def documents(translation_keys):
        rows = shown_rows(kind).filter(translation_key__in=list(translation_keys))
        return build_rows(kind, rows.order_by("pk").values_list("pk", flat=True), current_context())

    return documents


def all_documents(kind):
    def documents():
        forget_context()  # a rebuild reads the skills, sectors and spaces afresh
        rows = shown_rows(kind).order_by("pk").values_list("pk", flat=True)
        return build_rows(kind, rows, current_context())

    return documents


def projects_of_people(translation_keys) -> dict[str, set[str]]:
    """A person's project ideas are public only while the person's record is."""
    posted = ProjectIdea._default_manager.filter(
        posted_by_coworker__translation_key__in=list(translation_keys)
    ).values_list("translation_key", flat=True)
    return {"projects": {str(key) for key in posted}}


def register_indexes() -> None:
    for kind in KINDS.values():
        registry.register(
            registry.EngineIndex(
                shape=shape(kind),
                model=kind.model,
                documents=group_documents(kind),
                all_documents=all_documents(kind),
                count_in_locale=lambda locale, kind=kind: kind.model.objects.in_locale(
                    locale
                ).count(),
                related_groups=(
                    projects_of_people if kind.model is Coworker else registry.no_related_groups
                ),
            )
        )
