"""The embedded engine: Wagtail's database search backend for the words, the ORM for filters
and facet counts. Every query starts from ``in_locale()``, the one definition of what a
visitor may see; each facet is counted in one query, whatever the number of values."""

from django.db.models import Count, F, Q
from wagtail.search.backends import get_search_backend

from .base import DirectoryEngine, EngineResponse, SearchPlan

ORDERINGS = {
    "name": ("sort_key", "pk"),
    "recent": ("-first_published_at", "-pk"),
    "deadline": (F("deadline").asc(nulls_last=True), "sort_key", "pk"),
}


def facet_condition(model, spec, keys) -> Q:
    """Records filed under any of ``keys`` for this facet."""
    condition = Q()
    choice_list = spec.is_choice_list(model)
    for path in spec.paths:
        relation = model._meta.get_field(path.split("__")[0])
        if choice_list:
            for key in keys:
                condition |= Q(**{f"{path}__has": key})
        elif relation.many_to_many:
            # A sub-query rather than a join, so that a record never appears twice.
            ids = model._default_manager.filter(**{f"{path}__in": keys}).values("pk")
            condition |= Q(pk__in=ids)
        else:
            condition |= Q(**{f"{path}__in": keys})
    return condition


def apply_filters(queryset, plan: SearchPlan, *, skip: str | None = None):
    model = queryset.model
    for name, keys in plan.filters.items():
        if name == skip or not keys:
            continue
        queryset = queryset.filter(facet_condition(model, plan.kind.facet(name), keys))
    return queryset


def count_facet(queryset, spec, keys) -> dict[str, int]:
    model = queryset.model
    if len(spec.paths) == 1 and not spec.is_choice_list(model):
        path = spec.paths[0]
        rows = (
            queryset.order_by()
            .values(path)
            .annotate(n=Count("pk", distinct=spec.is_multi_valued(model)))
            .values_list(path, "n")
        )
        return {str(key): n for key, n in rows if key not in (None, "")}
    if not keys:
        return {}
    aggregates = {
        f"k{position}": Count("pk", filter=facet_condition(model, spec, [key]))
        for position, key in enumerate(keys)
    }
    totals = queryset.order_by().aggregate(**aggregates)
    return {key: totals[f"k{position}"] for position, key in enumerate(keys)}


class DatabaseEngine(DirectoryEngine):
    name = "database"

    @staticmethod
    def matching_words(model, terms, method):
        """The backend's queryset of records containing every word, annotated with "_score"."""
        backend = get_search_backend()
        results = getattr(backend, method)(
            " ".join(terms), model.objects.order_by(), operator="and", order_by_relevance=True
        )
        return results.get_queryset()

    def search(self, plan: SearchPlan) -> EngineResponse:
        model = plan.kind.model
        everyone = model.objects.in_locale(plan.locale)
        visible, ranked = everyone, None
        if plan.terms:
            ranked = self.matching_words(model, plan.terms, "search")
            visible = everyone.filter(pk__in=ranked.order_by().values("pk"))

        matching = apply_filters(visible, plan)
        total = matching.count()
        if plan.terms and not total and not (plan.filters and visible.exists()):
            # No whole-word match: try the last word as the beginning of a word ("compta").
            ranked = self.matching_words(model, plan.terms, "autocomplete")
            visible = everyone.filter(pk__in=ranked.order_by().values("pk"))
            matching = apply_filters(visible, plan)
            total = matching.count()

        scores = {}
        start, stop = plan.offset, plan.offset + plan.limit
        if plan.ordering == "relevance" and ranked is not None:
            ordered = apply_filters(ranked.in_locale(plan.locale), plan)
            rows = list(ordered.values_list("pk", "_score")[start:stop])
            ids = [pk for pk, _score in rows]
            scores = {pk: -(score or 0.0) for pk, score in rows}  # bm25: lower is better
        else:
            ordering = ORDERINGS.get(plan.ordering, ORDERINGS["name"])
            ids = list(matching.order_by(*ordering).values_list("pk", flat=True)[start:stop])

        facet_counts = {}
        if plan.with_facets:
            for spec in plan.kind.facets:
                scope = apply_filters(visible, plan, skip=spec.name)
                facet_counts[spec.name] = count_facet(
                    scope, spec, plan.facet_keys.get(spec.name, ())
                )
        return EngineResponse(ids=ids, total=total, facet_counts=facet_counts, scores=scores)
