"""Index definition and documents of the directory, written once with ``elasticsearch.dsl``.

One index per kind holds one document per public row, keyed by ``<translation key>:<language
of the row>``, with the locales that show it (``locales``: the row's ``shown_in``, see
``Model.objects.in_locale``). Each locale searches through its own alias, filtered to the rows
it shows (``search.clients.index_alias``): a row shown in three locales is analysed once, not
three times. A document holds:

- ``name``: the record's name (``name`` or ``title``);
- ``headline_<lang>`` and ``body_<lang>``: free text, in the field of the language the row is
  written in, analysed with that language's analyzer;
- ``skills``: labels and synonyms of its skills and sectors in every language (cross-language
  matching: "comptable", "boekhouder" and "accountant" all find an accountant);
- ``places``: city, spaces, poster;
- every text field has a ``folded`` sub-field (lower case, accents removed) and feeds
  ``suggest`` (edge n-grams) for autocomplete;
- ``facet_<name>`` keyword fields with ``FacetSpec.values_for``;
- ``pk``, ``sort_key``, ``first_published_at``, ``deadline`` for orderings;
- ``expire_at``: when the record stops being public without being saved again (its own
  expiry; for a project idea also its poster's), so that every query leaves it out on time.
"""

from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

LANGUAGE_ANALYZERS = {"fr": "french", "nl": "dutch", "en": "english"}
MAX_RESULT_WINDOW = 60_000  # MAX_PAGE (500) x MAX_PAGE_SIZE (100), with room

folded = analyzer("folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
autocomplete = analyzer(
    "autocomplete",
    tokenizer=tokenizer("autocomplete_words", "standard"),
    filter=[
        "lowercase",
        "asciifolding",
        token_filter("autocomplete_edges", "edge_ngram", min_gram=1, max_gram=20),
    ],
)

# Per kind: which model field feeds "headline" and "body".
TEXT_FIELDS = {
    "coworkers": {"headline": "headline", "body": "bio"},
    "companies": {"body": "description"},
    "projects": {"body": "description"},
}

BOOSTS = {"name": 4, "skills": 3, "headline": 2, "body": 1, "places": 1}


def _text(language_analyzer="folded", *, suggest=True):
    return Text(
        analyzer=language_analyzer,
        fields={"folded": Text(analyzer=folded)},
        **({"copy_to": "suggest"} if suggest else {}),
    )


def document_class(kind):
    """The Document of one kind: the same fields for every kind, its own facet fields."""
    fields = {
        "pk": Integer(),
        "translation_key": Keyword(),
        "language": Keyword(),
        "locales": Keyword(),
        "name": Text(analyzer=folded, copy_to="suggest"),
        "skills": Text(
            analyzer=folded,
            copy_to="suggest",
            fields={code: Text(analyzer=name) for code, name in LANGUAGE_ANALYZERS.items()},
        ),
        "places": Text(analyzer=folded),
        "suggest": Text(analyzer=autocomplete, search_analyzer=folded),
        "sort_key": Keyword(),
        "first_published_at": Date(),
        "deadline": Date(),
        "expire_at": Date(),
    }
    for code, name in LANGUAGE_ANALYZERS.items():
        fields[f"headline_{code}"] = _text(name)
        # Like the database engine, autocomplete completes names, headlines and skills, not
        # biographies (which would also triple the size of the edge n-grams).
        fields[f"body_{code}"] = _text(name, suggest=False)
    for spec in kind.facets:
        # Every search counts the facets: build their ordinals at refresh, not on a search.
        fields[f"facet_{spec.name}"] = Keyword(eager_global_ordinals=True)
    document = type(f"{kind.model.__name__}Document", (Document,), fields)
    # Searches read only ``pk`` and highlight name, headline and body: the long skills and
    # places texts are indexed but not stored.
    document._doc_type.mapping.meta("_source", excludes=["skills", "places"])
    return document


def document_id(translation_key, language: str) -> str:
    """A row is one language of a translation group."""
    return f"{translation_key}:{language}"


def locale_aliases(kind, locales) -> dict[str, dict]:
    """Alias name -> definition, for each locale: the rows that locale shows."""
    from search.clients import index_alias

    return {
        index_alias(kind.name, locale): {"filter": {"term": {"locales": locale}}}
        for locale in locales
    }


def index_body(kind, name: str) -> dict:
    """Settings and mappings of a new index of ``kind`` (``Index(...).to_dict()``)."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        max_result_window=MAX_RESULT_WINDOW,
        max_ngram_diff=20,
    )
    index.document(document_class(kind))
    return index.to_dict()


CHUNK_SIZE = 2000


def _poster_texts(model, pks) -> dict[int, str]:
    """ProjectIdea.poster_text(), for many ideas in one query."""
    rows = (
        model._default_manager.filter(pk__in=pks)
        .order_by()
        .values_list(
            "pk",
            "posted_by_coworker__name",
            "posted_by_coworker__live",
            "posted_by_coworker__consent_given_at",
            "posted_by_coworker__consent_withdrawn_at",
            "posted_by_company__name",
            "posted_by_company__live",
        )
    )
    texts = {}
    for pk, person, person_live, given, withdrawn, company, company_live in rows:
        names = []
        consent = given is not None and (withdrawn is None or withdrawn < given)
        if person and person_live and consent:
            names.append(person)
        if company and company_live:
            names.append(company)
        texts[pk] = " ".join(names)
    return texts


def _facet_values(model, spec, pks) -> dict[int, list[str]]:
    """``FacetSpec.values_for`` for many records: one query per path (joins done by SQL)."""
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
    from cms.directory.models import Coworker

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
            yield document_id(key, row["locale__language_code"]), document
