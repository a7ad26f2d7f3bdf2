"""``search(query)``: the directory search every page, feed and API endpoint calls."""

import functools
import logging
import math
import time

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.core import compiled
from cms.directory.kinds import KINDS
from cms.directory.presenters import for_list, present, with_related_keys
from cms.directory.vocabulary import CHOICE_VOCABULARIES, Vocabulary

from .engines import EngineUnavailable, SearchPlan, get_engine, get_fallback_engine
from .highlight import highlight
from .query import PAGE_PARAM, DirectoryQuery, ParameterError
from .results import DirectoryResults, Facet, FacetValue, Hit

logger = logging.getLogger(__name__)

#: How each kind's records are loaded to be listed (one object per kind: engines may use it
#: as part of a cache key).
LIST_QUERYSETS = {kind: functools.partial(for_list, kind=kind) for kind in KINDS}

# Free-text fields shown in results, per kind, in the order highlights are looked for.
HIGHLIGHT_FIELDS = {
    "coworkers": ("headline", "bio"),
    "companies": ("description",),
    "projects": ("title", "description"),
}


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
    return SearchPlan(
        query=query,
        kind=kind,
        terms=query.terms,
        filters=filters,
        facet_keys=facet_keys,
        row_ids=row_ids,
        ordering=query.effective_ordering,
        offset=query.offset,
        limit=query.page_size,
        with_facets=with_facets,
        list_queryset=LIST_QUERYSETS[query.kind],
    )


def _run(plan: SearchPlan):
    engine = get_engine()
    try:
        return engine.search(plan), engine.name, False
    except EngineUnavailable:
        logger.warning("Search engine %r unavailable; answering from the database", engine.name)
        fallback = get_fallback_engine()
        return fallback.search(plan), fallback.name, True


def _public_records(query: DirectoryQuery, ids: list[int]) -> list:
    """The records of ``ids`` still public in the query's locale (any order)."""
    model, kind, locale = KINDS[query.kind].model, query.kind, query.locale
    return compiled.instances_for(
        ("directory-listed", kind, locale, len(ids)),
        lambda now, ids: for_list(model.objects.in_locale(locale, now).filter(pk__in=ids), kind),
        [compiled.NOW, compiled.integers(len(ids))],
        [timezone.now(), ids],
    )


def _facets(plan: SearchPlan, vocabulary: Vocabulary, counts) -> dict[str, Facet]:
    facets = {}
    for spec in plan.kind.facets:
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


def search(
    query: DirectoryQuery, *, vocabulary: Vocabulary | None = None, facets: bool = True
) -> DirectoryResults:
    """Public records of ``query.kind`` matching the query, one page of them, with facets
    (unless ``facets=False``: lists that only need the records)."""
    started = time.perf_counter()
    vocabulary = vocabulary if vocabulary is not None else Vocabulary.current(query.locale)
    plan = make_plan(query, vocabulary, with_facets=facets)
    response, engine_name, degraded = _run(plan)

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
        response, engine_name, degraded = _run(plan)
        response.facet_counts = facet_counts

    if response.records is not None:
        loaded = with_related_keys(response.records, query.kind)
    else:
        # Read again through in_locale(): an engine's index can lag behind a change.
        loaded = with_related_keys(_public_records(query, response.ids), query.kind)
    records = {record.pk: record for record in loaded}
    hits = []
    for pk in response.ids:
        record = records.get(pk)
        if record is None:  # not public any more (an engine's index can lag behind)
            continue
        highlights = {}
        for name in HIGHLIGHT_FIELDS[query.kind] if plan.terms else ():
            excerpt = highlight(getattr(record, name, ""), plan.terms)
            if excerpt:
                highlights[name] = excerpt
        hits.append(
            Hit(
                kind=query.kind,
                pk=pk,
                record=record,
                view=present(record, vocabulary),
                score=response.scores.get(pk),
                highlights=highlights,
            )
        )
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
