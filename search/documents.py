"""The shape of an engine index, declared by the app that owns the records, turned here into
an index definition (``elasticsearch.dsl``) and into the fields a query searches.

Every index holds one document per row some locale shows, keyed by ``<translation key>:<language
of the row>``, with the fields every query relies on: ``pk``, ``translation_key``, ``language``,
``locales`` (the locales that show the row: each locale reads through an alias filtered to
them, ``search.clients.index_alias``) and ``expire_at`` (when the row stops being visible
without being saved again: every query leaves it out from then on). Beyond those, an
``IndexShape`` says which text fields it has and how they are analysed:

- ``text``: folded text (lower case, no accents), e.g. a name;
- ``multilingual``: folded text with one sub-field per language analyzer (labels written in
  every language);
- ``per_language``: one field per language, ``<field>_<code>``, analysed with that language's
  analyzer, with a ``folded`` sub-field (free text, in the language it is written in);
- ``suggest``: the fields completing a word being typed (edge n-grams in ``suggest``);
- ``facets``: ``facet_<name>`` keyword fields; ``keywords`` and ``dates`` for orderings.
"""

from dataclasses import dataclass, field

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
MAX_RESULT_WINDOW = 60_000  # a page of 100 on page 500, with room

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


@dataclass(frozen=True)
class IndexShape:
    name: str  # the kind of record: "coworkers"
    text: dict[str, int] = field(default_factory=dict)  # field -> boost
    multilingual: dict[str, int] = field(default_factory=dict)
    per_language: dict[str, int] = field(default_factory=dict)
    suggest: frozenset[str] = frozenset()
    facets: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    not_stored: tuple[str, ...] = ()  # indexed, left out of _source (long texts no one reads)

    def search_fields(self, *, exact: bool = True) -> list[str]:
        """The fields a word is looked for in, with their boosts (``exact``: the language
        analyzers' stems too, not only folded words)."""
        fields = [f"{name}^{boost}" for name, boost in {**self.text, **self.multilingual}.items()]
        if exact:
            fields += [
                f"{name}.{code}^{boost}"
                for name, boost in self.multilingual.items()
                for code in LANGUAGE_ANALYZERS
            ]
        for code in LANGUAGE_ANALYZERS:
            for name, boost in self.per_language.items():
                fields.append(f"{name}_{code}.folded^{boost}")
                if exact:
                    fields.append(f"{name}_{code}^{boost}")
        return fields


def _suggesting(shape: IndexShape, name: str) -> dict:
    return {"copy_to": "suggest"} if name in shape.suggest else {}


def document_class(shape: IndexShape):
    fields = {
        "pk": Integer(),
        "translation_key": Keyword(),
        "language": Keyword(),
        "locales": Keyword(),
        "suggest": Text(analyzer=autocomplete, search_analyzer=folded),
        "expire_at": Date(),
    }
    for name in shape.text:
        fields[name] = Text(analyzer=folded, **_suggesting(shape, name))
    for name in shape.multilingual:
        fields[name] = Text(
            analyzer=folded,
            fields={code: Text(analyzer=language) for code, language in LANGUAGE_ANALYZERS.items()},
            **_suggesting(shape, name),
        )
    for name in shape.per_language:
        for code, language in LANGUAGE_ANALYZERS.items():
            fields[f"{name}_{code}"] = Text(
                analyzer=language,
                fields={"folded": Text(analyzer=folded)},
                **_suggesting(shape, name),
            )
    for name in shape.keywords:
        fields[name] = Keyword()
    for name in shape.dates:
        fields[name] = Date()
    for name in shape.facets:
        # Every search counts the facets: build their ordinals at refresh, not on a search.
        fields[f"facet_{name}"] = Keyword(eager_global_ordinals=True)
    return type(f"{shape.name.title()}Document", (Document,), fields)


def document_id(translation_key, language: str) -> str:
    """A row is one language of a translation group."""
    return f"{translation_key}:{language}"


def index_body(shape: IndexShape, name: str) -> dict:
    """Settings and mappings of a new index (``Index(...).to_dict()``)."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        max_result_window=MAX_RESULT_WINDOW,
        max_ngram_diff=20,
    )
    index.document(document_class(shape))
    body = index.to_dict()
    if shape.not_stored:
        body["mappings"]["_source"] = {"excludes": list(shape.not_stored)}
    return body
