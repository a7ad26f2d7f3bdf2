"""``search(query)``: the directory search every page, feed and API endpoint calls.

A search goes: the query (checked in query.py) -> a plan for the engine (plain data: words,
facet keys, order, page; for the database engine the records a visitor may see) -> the
engine's answer (ids, total, scores, facet counts), kept until the content changes
(cms/directory/cache.py) -> the records, read through ``in_locale()`` (an engine's index can
lag behind a change) -> hits presented in the visitor's language, with highlights, and facets
with their labels.
"""

import functools
import logging
import math
import time

from django.utils.translation import gettext as _

from search.engines import (
    EngineResponse,
    EngineUnavailable,
    FacetField,
    SearchPlan,
    get_engine,
    get_fallback_engine,
)

from .. import cache
from ..fields import SEPARATOR
from ..kinds import KINDS, DirectoryKind
from ..presenters import for_list, present, with_related_keys
from ..vocabulary import CHOICE_VOCABULARIES, Vocabulary
from .highlight import highlight
from .query import PAGE_PARAM, DirectoryQuery, ParameterError
from .results import DirectoryResults, Facet, FacetValue, Hit

logger = logging.getLogger(__name__)

ORDER_BY = {
    "name": ("sort_key", "pk"),
    "recent": ("-first_published_at", "-pk"),
    "deadline": ("deadline", "sort_key", "pk"),
    "relevance": ("sort_key", "pk"),  # without words: by name
}

# Free-text fields shown in results, per kind, in the order highlights are looked for.
HIGHLIGHT_FIELDS = {
    "coworkers": ("headline", "bio"),
    "companies": ("description",),
    "projects": ("title", "description"),
}


@functools.cache
def facet_fields(kind: DirectoryKind) -> tuple[FacetField, ...]:
    fields = []
    for spec in kind.facets:
        if spec.is_choice_list(kind.model):
            fields.append(FacetField(spec.name, spec.paths, lookup="has", separator=SEPARATOR))
        else:
            fields.append(FacetField(spec.name, spec.paths))
    return tuple(fields)


def visible_records(query: DirectoryQuery):
    """What a visitor of the query's locale may see of its kind, loaded as lists show it."""
    model = KINDS[query.kind].model
    return for_list(model.objects.in_locale(query.locale), query.kind)


def make_plan(query: DirectoryQuery, vocabulary: Vocabulary, *, with_facets=True) -> SearchPlan:
    kind = KINDS[query.kind]
    filters, facet_keys, row_ids = {}, {}, {}
    for spec in kind.facets:
        options = vocabulary.options(spec.vocabulary_name)
        facet_keys[spec.name] = tuple(option.key for option in options)
        if any(option.ids for option in options):
            row_ids[spec.name] = {option.key: option.ids for option in options}
        keys = []
        for token in query.selected(spec.name):
            option = vocabulary.resolve(spec.vocabulary_name, token)
            if option is not None:
                keys.append(option.key)
        if keys:
            filters[spec.name] = tuple(keys)
    ordering = query.effective_ordering
    return SearchPlan(
        index=kind.name,
        locale=query.locale,
        terms=query.terms,
        facets=facet_fields(kind),
        filters=filters,
        facet_keys=facet_keys,
        row_ids=row_ids,
        order_by=ORDER_BY.get(ordering, ORDER_BY["name"]),
        by_relevance=ordering == "relevance",
        offset=query.offset,
        limit=query.page_size,
        with_facets=with_facets,
        visible=visible_records(query),
    )


def _ask(plan: SearchPlan) -> tuple[EngineResponse, str, bool]:
    engine = get_engine()
    try:
        return engine.search(plan), engine.name, False
    except EngineUnavailable:
        logger.warning("Search engine %r unavailable; answering from the database", engine.name)
        fallback = get_fallback_engine()
        return fallback.search(plan), fallback.name, True


def _plain(response: EngineResponse) -> EngineResponse:
    """The answer without the records it may carry: what the cache keeps."""
    return EngineResponse(
        ids=response.ids,
        total=response.total,
        facet_counts=response.facet_counts,
        scores=response.scores,
    )


def answer(plan: SearchPlan) -> tuple[EngineResponse, str, bool]:
    """The engine's answer to ``plan`` (engine name, whether the fallback answered), kept
    until the content changes; answers of the fallback are not kept."""
    fresh = []

    def ask():
        response, engine_name, degraded = _ask(plan)
        fresh.append(response)
        return _plain(response), engine_name, degraded

    parts = (
        get_engine().name,
        plan.index,
        plan.locale,
        plan.terms,
        sorted(plan.filters.items()),
        plan.order_by,
        plan.by_relevance,
        plan.offset,
        plan.limit,
        plan.with_facets,
    )
    kept, engine_name, degraded = cache.kept(parts, ask, keep=lambda value: not value[2])
    return (fresh[0] if fresh else kept), engine_name, degraded


def _records(query: DirectoryQuery, response: EngineResponse) -> dict:
    """The hits' records by primary key, still visible (an engine's index, or a kept answer,
    can lag behind a change), with the keys of their skills, sectors and spaces."""
    if response.records is not None:
        loaded = response.records
    elif response.ids:
        loaded = list(visible_records(query).filter(pk__in=response.ids))
    else:
        loaded = []
    return {record.pk: record for record in with_related_keys(loaded, query.kind)}


def _facets(plan: SearchPlan, vocabulary: Vocabulary, counts) -> dict[str, Facet]:
    facets = {}
    for spec in KINDS[plan.index].facets:
        selected = set(plan.filters.get(spec.name, ()))
        spec_counts = counts.get(spec.name, {})
        values = []
        for option in vocabulary.options(spec.vocabulary_name):
            count = spec_counts.get(option.key, 0)
            if count or option.key in selected:
                values.append(
                    FacetValue(
                        value=option.token,
                        label=option.label,
                        count=count,
                        selected=option.key in selected,
                        language=option.language,
                    )
                )
        if spec.vocabulary_name not in CHOICE_VOCABULARIES:
            values.sort(key=lambda value: -value.count)  # stable: alphabetical among equals
        facets[spec.name] = Facet(name=spec.name, label=str(spec.label), values=values)
    return facets


def _hit(query: DirectoryQuery, plan: SearchPlan, record, vocabulary, score) -> Hit:
    highlights = {}
    for name in HIGHLIGHT_FIELDS[query.kind] if plan.terms else ():
        excerpt = highlight(getattr(record, name, ""), plan.terms)
        if excerpt:
            highlights[name] = excerpt
    return Hit(
        kind=query.kind,
        pk=record.pk,
        record=record,
        view=present(record, vocabulary),
        score=score,
        highlights=highlights,
    )


def search(
    query: DirectoryQuery, *, vocabulary: Vocabulary | None = None, facets: bool = True
) -> DirectoryResults:
    """Public records of ``query.kind`` matching the query, one page of them, with facets
    (unless ``facets=False``: lists that only need the records)."""
    started = time.perf_counter()
    vocabulary = vocabulary if vocabulary is not None else Vocabulary.current(query.locale)
    plan = make_plan(query, vocabulary, with_facets=facets)
    response, engine_name, degraded = answer(plan)

    notices = []
    num_pages = max(1, math.ceil(response.total / query.page_size))
    if query.page > num_pages:
        notices.append(
            ParameterError(
                PAGE_PARAM,
                "out_of_range",
                _("There is no page %(page)d: here is the last page, %(last)d.")
                % {"page": query.page, "last": num_pages},
                str(query.page),
            )
        )
        query = query.replace(page=num_pages)
        facet_counts = response.facet_counts
        plan = make_plan(query, vocabulary, with_facets=False)
        response, engine_name, degraded = answer(plan)
        response.facet_counts = facet_counts

    records = _records(query, response)
    hits = [
        _hit(query, plan, records[pk], vocabulary, response.scores.get(pk))
        for pk in response.ids
        if pk in records  # not visible any more
    ]
    return DirectoryResults(
        query=query,
        hits=hits,
        total=response.total,
        facets=_facets(plan, vocabulary, response.facet_counts),
        engine=engine_name,
        degraded=degraded,
        notices=notices,
        took_ms=(time.perf_counter() - started) * 1000,
    )
