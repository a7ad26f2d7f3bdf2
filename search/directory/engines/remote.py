"""The directory on a search engine (OpenSearch or Elasticsearch): one implementation, the
request written once with ``elasticsearch.dsl`` and sent through the configured client.

It answers a SearchPlan like DatabaseEngine: every word must match (name, skills and sectors
in every language with their synonyms, headline, biography, places); when nothing matches,
the words are tried again with typo tolerance and the last one as the beginning of a word.
Filters are a ``post_filter``; each facet is counted by a filter aggregation applying every
other facet's filter, so that a facet ignores its own selection. Only public rows are
indexed, and a locale searches through its alias, which shows it only the rows it shows
(``in_locale``); a record whose expiry passed since it was indexed is left out by every query
(hits, totals and facet counts).

The engine highlights exact matches; words matched with typo tolerance or as a prefix are
highlighted by the service (highlighting fuzzy queries costs the engine more than the search).
"""

from django.utils import timezone
from django.utils.safestring import mark_safe
from elasticsearch.dsl import A, Q, Search

from search.engine.documents import BOOSTS, LANGUAGE_ANALYZERS, NAME_HIGHLIGHT, TEXT_FIELDS

from .base import DirectoryEngine, EngineResponse, SearchPlan

HIGHLIGHT_SIZE = 220
FACET_SIZE_MIN = 200


def text_fields(*, exact: bool = True) -> list[str]:
    """Fields a word is looked for in, with their boosts."""
    fields = [f"name^{BOOSTS['name']}", f"skills^{BOOSTS['skills']}", f"places^{BOOSTS['places']}"]
    if exact:
        fields += [f"skills.{code}^{BOOSTS['skills']}" for code in LANGUAGE_ANALYZERS]
    for code in LANGUAGE_ANALYZERS:
        for field in ("headline", "body"):
            fields.append(f"{field}_{code}.folded^{BOOSTS[field]}")
            if exact:
                fields.append(f"{field}_{code}^{BOOSTS[field]}")
    return fields


def words_query(terms, *, tolerant: bool):
    """Every word must match one field; ``tolerant``: typos allowed, last word a prefix."""
    clauses = []
    for position, term in enumerate(terms):
        if not tolerant:
            clauses.append(Q("multi_match", query=term, fields=text_fields(), type="best_fields"))
            continue
        options = [
            Q(
                "multi_match",
                query=term,
                fields=text_fields(exact=False),
                fuzziness="AUTO",
                prefix_length=1,
            )
        ]
        if position == len(terms) - 1:
            options.append(Q("match", suggest={"query": term, "boost": 0.5}))
        clauses.append(Q("bool", should=options, minimum_should_match=1))
    return Q("bool", must=clauses)


def facet_filter(spec_name: str, keys) -> Q:
    return Q("terms", **{f"facet_{spec_name}": list(keys)})


def filters_except(plan: SearchPlan, skip: str | None = None) -> list:
    return [
        facet_filter(name, keys)
        for name, keys in plan.filters.items()
        if keys and name != skip and plan.kind.facet(name) is not None
    ]


def facet_scopes(plan: SearchPlan) -> list[tuple[list, list[str]]]:
    """Facets grouped by the filters counting them (every other facet's): the facets nobody
    filters on share one scope, so the engine applies each set of filters once."""
    scopes = {}
    for spec in plan.kind.facets:
        others = filters_except(plan, skip=spec.name)
        scopes.setdefault(repr([q.to_dict() for q in others]), (others, []))[1].append(spec.name)
    return list(scopes.values())


ORDERINGS = {
    "name": [{"sort_key": "asc"}, {"pk": "asc"}],
    "recent": [{"first_published_at": {"order": "desc", "missing": "_last"}}, {"pk": "desc"}],
    "deadline": [
        {"deadline": {"order": "asc", "missing": "_last"}},
        {"sort_key": "asc"},
        {"pk": "asc"},
    ],
    "relevance": [{"_score": "desc"}, {"pk": "asc"}],
}


def still_public(now) -> Q:
    """Documents whose record has not expired since it was indexed."""
    return Q(
        "bool",
        should=[
            Q("bool", must_not=Q("exists", field="expire_at")),
            Q("range", expire_at={"gt": now.isoformat()}),
        ],
        minimum_should_match=1,
    )


def highlighted_fields(kind_name: str) -> list[str]:
    """The fields whose excerpts the service shows (a project's title, the free texts), in
    their accent-folded analysis: "developpeur" marks "Développeur"."""
    fields = ["name"] if kind_name in NAME_HIGHLIGHT else []
    for target in TEXT_FIELDS[kind_name]:
        fields += [f"{target}_{code}.folded" for code in LANGUAGE_ANALYZERS]
    return fields


def build_search(plan: SearchPlan, *, tolerant: bool = False, now=None) -> Search:
    search = Search()
    must = [words_query(plan.terms, tolerant=tolerant)] if plan.terms else []
    search = search.query(Q("bool", must=must, filter=[still_public(now or timezone.now())]))
    filters = filters_except(plan)
    if filters:
        search = search.post_filter(Q("bool", filter=filters))
    ordering = plan.ordering if plan.ordering in ORDERINGS else "name"
    if ordering == "relevance" and not plan.terms:
        ordering = "name"
    search = search.sort(*ORDERINGS[ordering])
    search = search.source(False).extra(
        from_=plan.offset, size=plan.limit, track_total_hits=True, docvalue_fields=["pk"]
    )
    if plan.with_facets:
        for position, (others, names) in enumerate(facet_scopes(plan)):
            if others:
                scope = search.aggs.bucket(f"scope_{position}", "filter", Q("bool", filter=others))
            else:
                scope = search.aggs
            for name in names:
                size = max(len(plan.facet_keys.get(name, ())), FACET_SIZE_MIN)
                scope.bucket(f"facet_{name}", "terms", field=f"facet_{name}", size=size)
    if plan.terms and filters:
        # Records matching the words whatever the filters (aggregations ignore post_filter):
        # like the database engine, typo tolerance is only tried when the words match nothing.
        search.aggs.bucket("words_only", A("filter", Q("match_all")))
    if plan.terms and not tolerant:
        search = search.highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            fragment_size=HIGHLIGHT_SIZE,
            number_of_fragments=1,
            require_field_match=False,
        ).highlight(*highlighted_fields(plan.kind.name))
    return search


def read_highlights(kind_name: str, raw: dict) -> dict[str, str]:
    """Engine highlights under the names the service shows (headline, bio, description…)."""
    names = {f"{target}_": field for target, field in TEXT_FIELDS[kind_name].items()}
    found = {}
    for field, fragments in raw.items():
        base = field.split(".")[0]
        if base == "name":
            shown = NAME_HIGHLIGHT.get(kind_name)
        else:
            shown = names.get(base[: base.rindex("_") + 1])
        if shown and fragments and shown not in found:
            # The engine escaped the text (encoder "html") and added only <mark> tags.
            found[shown] = mark_safe(fragments[0])  # noqa: S308
    return found


class RemoteEngine(DirectoryEngine):
    """Shared by OpenSearchEngine and ElasticsearchEngine; only the client differs."""

    engine = ""

    def client(self):
        from search.clients import get_client

        return get_client(self.engine)

    def index(self, plan: SearchPlan) -> str:
        from search.clients import index_alias

        return index_alias(plan.kind.name, plan.locale)

    def run(self, plan: SearchPlan, *, tolerant: bool) -> dict:
        body = build_search(plan, tolerant=tolerant).to_dict()
        return self.client().search(self.index(plan), body)

    def search(self, plan: SearchPlan) -> EngineResponse:
        answer = self.run(plan, tolerant=False)
        total = answer["hits"]["total"]["value"]
        if plan.terms and not total:
            words_only = answer.get("aggregations", {}).get("words_only", {}).get("doc_count", 0)
            if not (plan.filters and words_only):
                answer = self.run(plan, tolerant=True)
                total = answer["hits"]["total"]["value"]
        ids, scores, highlights = [], {}, {}
        for hit in answer["hits"]["hits"]:
            pk = int(hit["fields"]["pk"][0])
            ids.append(pk)
            if hit.get("_score") is not None:
                scores[pk] = float(hit["_score"])
            found = read_highlights(plan.kind.name, hit.get("highlight", {}))
            if found:
                highlights[pk] = found
        facet_counts = {}
        if plan.with_facets:
            aggregations = answer.get("aggregations", {})
            found = {}
            for name, aggregation in aggregations.items():
                if name.startswith("scope_"):
                    found.update(aggregation)
                else:
                    found[name] = aggregation
            for spec in plan.kind.facets:
                buckets = found.get(f"facet_{spec.name}", {})
                facet_counts[spec.name] = {
                    str(bucket["key"]): bucket["doc_count"] for bucket in buckets.get("buckets", [])
                }
        return EngineResponse(
            ids=ids, total=total, facet_counts=facet_counts, scores=scores, highlights=highlights
        )
