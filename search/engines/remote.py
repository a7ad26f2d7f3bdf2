"""Searching an engine index (OpenSearch or Elasticsearch): one implementation, the queries
written once with ``elasticsearch.dsl`` (in plain request bodies: a ``Search`` copies itself at
every step) and sent through the configured client.

It answers a SearchPlan like DatabaseEngine: every word must match one of the index's text
fields (its IndexShape); when nothing matches, the words are tried again with typo tolerance
and the last one as the beginning of a word. The hits are filtered by every facet; a facet a
visitor filters on is counted by a request of its own applying every other facet's filter, so
that it ignores its own selection (the requests go together, in one msearch). A locale
searches through its alias, which shows it only the rows it shows; a document whose
``expire_at`` passed since it was indexed is left out by every query (hits, totals and facet
counts).
"""

from django.utils import timezone
from elasticsearch.dsl import Q

from search import registry
from search.clients import get_client, index_alias

from .base import Engine, EngineResponse, SearchPlan

FACET_SIZE_MIN = 200


def words_query(shape, terms, *, tolerant: bool):
    """Every word must match one field; ``tolerant``: typos allowed, last word a prefix."""
    clauses = []
    for position, term in enumerate(terms):
        if not tolerant:
            clauses.append(
                Q("multi_match", query=term, fields=shape.search_fields(), type="best_fields")
            )
            continue
        options = [
            Q(
                "multi_match",
                query=term,
                fields=shape.search_fields(exact=False),
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
        if keys and name != skip and plan.facet(name) is not None
    ]


def sort(plan: SearchPlan) -> list[dict]:
    """The plan's order (missing values last), or the best matches first."""
    if plan.by_relevance and plan.terms:
        return [{"_score": "desc"}, {"pk": "asc"}]
    return [
        {name[1:]: {"order": "desc", "missing": "_last"}}
        if name.startswith("-")
        else {name: {"order": "asc", "missing": "_last"}}
        for name in plan.order_by
    ]


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


def facet_terms(plan: SearchPlan, name: str) -> dict:
    size = max(len(plan.facet_keys.get(name, ())), FACET_SIZE_MIN)
    return {f"facet_{name}": {"terms": {"field": f"facet_{name}", "size": size}}}


def request_bodies(shape, plan: SearchPlan, *, tolerant=False, now=None) -> list[dict]:
    """The requests answering ``plan``, sent together: first the page of hits and their
    total, filtered by every facet, counting the facets nobody filters on; then, for each
    facet filtered on, its counts under the other facets' filters only. Each request visits
    only the documents it counts (a filter aggregation would test every document the words
    match)."""
    words = [words_query(shape, plan.terms, tolerant=tolerant)] if plan.terms else []
    public = still_public(now or timezone.now())
    hits = {
        "query": Q("bool", must=words, filter=[public, *filters_except(plan)]).to_dict(),
        "sort": sort(plan),
        "from": plan.offset,
        "size": plan.limit,
        "track_total_hits": True,
        "_source": False,
        "stored_fields": "_none_",
        "docvalue_fields": ["pk"],
    }
    bodies = [hits]
    if not plan.with_facets:
        return bodies
    matching = Q("bool", must=words, filter=[public])
    for facet in plan.facets:
        if not plan.filters.get(facet.name):
            hits.setdefault("aggs", {}).update(facet_terms(plan, facet.name))
            continue
        others = filters_except(plan, skip=facet.name)
        bodies.append(
            {
                "query": Q("bool", filter=[matching, *others]).to_dict(),
                "size": 0,
                "track_total_hits": False,
                "aggs": facet_terms(plan, facet.name),
            }
        )
    return bodies


def words_match_body(shape, plan: SearchPlan, *, now=None) -> dict:
    """Whether any document matches the words, whatever the facet filters."""
    words = words_query(shape, plan.terms, tolerant=False)
    query = Q("bool", must=[words], filter=[still_public(now or timezone.now())])
    return {"query": query.to_dict(), "size": 0, "track_total_hits": True, "terminate_after": 1}


class RemoteEngine(Engine):
    """Shared by OpenSearchEngine and ElasticsearchEngine; only the client differs."""

    engine = ""

    def client(self):
        return get_client(self.engine)

    def index(self, plan: SearchPlan) -> str:
        return index_alias(plan.index, plan.locale)

    def run(self, plan: SearchPlan, *, tolerant: bool) -> list[dict]:
        bodies = request_bodies(registry.get(plan.index).shape, plan, tolerant=tolerant)
        if len(bodies) == 1:
            return [self.client().search(self.index(plan), bodies[0])]
        return self.client().msearch(self.index(plan), bodies)["responses"]

    def words_match(self, plan: SearchPlan) -> bool:
        body = words_match_body(registry.get(plan.index).shape, plan)
        answer = self.client().search(self.index(plan), body)
        return bool(answer["hits"]["total"]["value"])

    def search(self, plan: SearchPlan) -> EngineResponse:
        answers = self.run(plan, tolerant=False)
        total = answers[0]["hits"]["total"]["value"]
        # Like the database engine, typo tolerance is only tried when the words match nothing.
        if plan.terms and not total and not (filters_except(plan) and self.words_match(plan)):
            answers = self.run(plan, tolerant=True)
            total = answers[0]["hits"]["total"]["value"]
        ids, scores = [], {}
        for hit in answers[0]["hits"]["hits"]:
            pk = int(hit["fields"]["pk"][0])
            ids.append(pk)
            if hit.get("_score") is not None:
                scores[pk] = float(hit["_score"])
        facet_counts = {}
        if plan.with_facets:
            found = {}
            for answer in answers:
                found.update(answer.get("aggregations", {}))
            for facet in plan.facets:
                buckets = found.get(f"facet_{facet.name}", {}).get("buckets", [])
                facet_counts[facet.name] = {
                    str(bucket["key"]): bucket["doc_count"] for bucket in buckets
                }
        return EngineResponse(ids=ids, total=total, facet_counts=facet_counts, scores=scores)
