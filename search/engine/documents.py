"""Index definition and documents of the directory, written once with ``elasticsearch.dsl``.

One index per kind and locale (behind an alias, see ``search.clients.index_alias``), one
document per record as a visitor of that locale sees it (``Model.objects.in_locale``), keyed
by the record's translation key. A document holds:

- ``name``: the record's name (``name`` or ``title``);
- ``headline_<lang>`` and ``body_<lang>``: free text, in the field of the language the row is
  written in, analysed with that language's analyzer;
- ``skills``: labels and synonyms of its skills and sectors in every language (cross-language
  matching: "comptable", "boekhouder" and "accountant" all find an accountant);
- ``places``: city, spaces, poster;
- every text field has a ``folded`` sub-field (lower case, accents removed) and feeds
  ``suggest`` (edge n-grams) for autocomplete;
- ``facet_<name>`` keyword fields with ``FacetSpec.values_for``;
- ``pk``, ``sort_key``, ``first_published_at``, ``deadline`` for orderings.
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

# Per kind: which model field feeds "headline" and "body", and the name the service shows a
# highlight of each under (search.directory.service.HIGHLIGHT_FIELDS).
TEXT_FIELDS = {
    "coworkers": {"headline": "headline", "body": "bio"},
    "companies": {"body": "description"},
    "projects": {"body": "description"},
}
NAME_HIGHLIGHT = {"projects": "title"}

BOOSTS = {"name": 4, "skills": 3, "headline": 2, "body": 1, "places": 1}


def _text(language_analyzer="folded"):
    return Text(
        analyzer=language_analyzer,
        fields={"folded": Text(analyzer=folded)},
        copy_to="suggest",
    )


def document_class(kind):
    """The Document of one kind: the same fields for every kind, its own facet fields."""
    fields = {
        "pk": Integer(),
        "translation_key": Keyword(),
        "language": Keyword(),
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
    }
    for code, name in LANGUAGE_ANALYZERS.items():
        fields[f"headline_{code}"] = _text(name)
        fields[f"body_{code}"] = _text(name)
    for spec in kind.facets:
        fields[f"facet_{spec.name}"] = Keyword()
    return type(f"{kind.model.__name__}Document", (Document,), fields)


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


def build_document(record, kind, context) -> dict:
    """The document of one record as shown in one locale."""
    texts = TEXT_FIELDS[kind.name]
    language = record.locale.language_code
    language = language if language in LANGUAGE_ANALYZERS else "en"
    places = [getattr(record, "city", "") or "", context.words_for_spaces(record.space_keys())]
    if kind.name == "projects":
        places.append(record.poster_text())
    document = {
        "pk": record.pk,
        "translation_key": str(record.translation_key),
        "language": language,
        "name": str(record),
        "skills": context.words_for_terms(record.taxonomy_keys()),
        "places": " ".join(word for word in places if word),
        "sort_key": record.sort_key,
        "first_published_at": record.first_published_at,
        "deadline": getattr(record, "deadline", None),
    }
    for target, field in texts.items():
        document[f"{target}_{language}"] = getattr(record, field, "") or ""
    for spec in kind.facets:
        document[f"facet_{spec.name}"] = spec.values_for(record)
    return document
