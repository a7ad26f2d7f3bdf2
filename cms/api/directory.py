"""/api/v2/directory/: coworkers, companies, project ideas, skills and sectors.

Lists go through the directory's one search interface (cms.directory.search): the same search,
filters, facets and privacy rules as the directory pages. Parameter corrections that the pages
show as messages are 400 errors here, naming the parameter.
"""

from django.http import QueryDict
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.directory.kinds import KINDS
from cms.directory.models import Company, Coworker, ProjectIdea, Sector, Skill
from cms.directory.presenters import present, with_list_related
from cms.directory.search import MAX_PAGE_SIZE, parse_directory_query
from cms.directory.search import search as directory_search
from cms.directory.search.query import MAX_VALUES_PER_FILTER
from cms.directory.vocabulary import Vocabulary

from . import changes, images, params, schema
from .errors import InvalidParameter, NotFound
from .links import get_links
from .locale import requested_language
from .mixins import PublicAPIMixin
from .serializers import image_representation, translation_states

#: API kind name (change feed, webhooks) of each directory kind.
CHANGE_KINDS = {"coworkers": "coworker", "companies": "company", "projects": "project"}
COMMON_PARAMETERS = frozenset({"q", "locale", "ordering", "page", "page_size", *images.PARAMETERS})


def _options(options):
    return [{"value": option.token, "label": option.label} for option in options]


def _choices(vocabulary, name, codes):
    result = []
    for code in codes or []:
        option = vocabulary.by_key(name, code)
        result.append({"value": code, "label": option.label if option else code})
    return result


def record_representation(
    request, record, vocabulary, highlights=None, view=None, translation=None
):
    """One directory record: free text in its own language, labels in the requested one, and
    where its translation stands (``translation``: see serializers.translation_states)."""
    view = view if view is not None else present(record, vocabulary)
    kind = record.directory_kind
    context = {"request": request}
    data = {
        "id": record.pk,
        "kind": kind,
        "slug": record.slug,
        "name": view.name,
        "language": view.language,
        "translation_key": str(record.translation_key),
        "translation": translation
        if translation is not None
        else translation_states([record], details=True)[0],
        "detail_url": get_links(request).reverse_pk(f"directory-api-{kind}-detail", record.pk),
        "html_url": get_links(request).full(view.url) if view.url else None,
        "summary": view.summary,
        "skills": _options(view.skills),
        "sectors": _options(view.sectors),
    }
    if isinstance(record, Coworker):
        data.update(
            {
                "headline": record.headline,
                "bio": record.bio,
                "city": record.city,
                "country": record.country,
                "place": view.place,
                "spaces": _options(view.spaces),
                "languages": _choices(vocabulary, "language", record.languages),
                "open_to": _choices(vocabulary, "open_to", record.open_to),
                "website": record.website,
                # Only what the person chose to show (the same rule as their page).
                "email": record.public_email or None,
                "phone": record.public_phone or None,
                "accepts_messages": record.can_be_contacted,
                "photo": image_representation(context, record.photo),
            }
        )
    elif isinstance(record, Company):
        data.update(
            {
                "description": record.description,
                "type": _choices(vocabulary, "type", [record.kind] if record.kind else []),
                "size": _choices(vocabulary, "size", [record.size] if record.size else []),
                "year_founded": record.year_founded,
                "city": record.city,
                "country": record.country,
                "place": view.place,
                "spaces": _options(view.spaces),
                "website": record.website,
                "logo": image_representation(context, record.logo),
            }
        )
    elif isinstance(record, ProjectIdea):
        data.update(
            {
                "title": record.title,
                "description": record.description,
                "deadline": record.deadline.isoformat() if record.deadline else None,
                "status": _choices(vocabulary, "status", [record.status] if record.status else []),
                "posted_by": record.poster_text() or None,
            }
        )
    if highlights:
        data["highlights"] = highlights
    return data


class DirectoryListView(PublicAPIMixin, GenericAPIView):
    kind = None  # set by as_view(kind=...)

    def accepted_parameters(self):
        return COMMON_PARAMETERS | self.repeatable_parameters()

    def repeatable_parameters(self):
        return {facet.name for facet in KINDS[self.kind].facets}

    def get(self, request):
        spec = KINDS[self.kind]
        locale = requested_language(request)
        query_params = QueryDict(mutable=True)
        for name, values in request.query_params.lists():
            if name in ("ordering", "format", "_", "locale") or name in images.PARAMETERS:
                continue
            query_params.setlist(name, values)
        if "ordering" in request.query_params:
            ordering = request.query_params["ordering"]
            params.parse_choice(ordering, "ordering", list(spec.orderings))
            query_params["sort"] = ordering
        if "q" in request.query_params:
            params.parse_text(request.query_params["q"], "q")
        for name in ("page", "page_size"):
            if name in request.query_params:
                maximum = MAX_PAGE_SIZE if name == "page_size" else 500
                params.parse_int(request.query_params[name], name, minimum=1, maximum=maximum)
        query, problems, vocabulary = parse_directory_query(
            query_params, locale=locale, kind=self.kind
        )
        facet_names = {facet.name for facet in spec.facets}
        for name in facet_names:
            if len(request.query_params.getlist(name)) > MAX_VALUES_PER_FILTER:
                raise InvalidParameter(
                    name, f"{name}: at most {MAX_VALUES_PER_FILTER} values can be combined."
                )
        # A facet value that names no term (or space) matches no record, as a filter on anything
        # else that matches nothing: no error.
        unknown = [
            problem
            for problem in problems
            if problem.code == "unknown" and problem.parameter in facet_names
        ]
        problems = [problem for problem in problems if problem not in unknown]
        if problems:
            problem = problems[0]
            name = "ordering" if problem.parameter == "sort" else problem.parameter
            raise InvalidParameter(name, problem.message)
        results = directory_search(query, vocabulary=vocabulary)
        # Values of one facet are OR-ed: a facet matches nothing when none of its values
        # names something.
        if any(problem.parameter not in query.filters for problem in unknown):
            results.hits, results.total = [], 0
            for facet in results.facets.values():
                for value in facet.values:
                    value.count = 0
        translations = translation_states(hit.record for hit in results.hits)
        items = [
            record_representation(
                request, hit.record, vocabulary, hit.highlights, hit.view, translation
            )
            for hit, translation in zip(results.hits, translations, strict=True)
        ]
        facets = {
            name: [
                {"value": value.value, "label": value.label, "count": value.count}
                for value in facet.values
            ]
            for name, facet in results.facets.items()
        }
        return Response(
            {
                "meta": {
                    "total_count": results.total,
                    "page": results.page,
                    "page_size": results.page_size,
                    "num_pages": results.num_pages,
                    "locale": locale,
                    "ordering": query.effective_ordering,
                    "notices": [notice.as_dict() for notice in results.notices],
                    "engine": results.engine,
                    "degraded": results.degraded,
                },
                "facets": facets,
                "items": items,
            }
        )


class DirectoryDetailView(PublicAPIMixin, GenericAPIView):
    kind = None
    known_parameters = frozenset(["locale", *images.PARAMETERS])

    def get(self, request, pk):
        """The record ``pk``; with ?locale=, the version a reader of that language sees (its
        translation when public, else the record as first written), as pages give theirs."""
        model = KINDS[self.kind].model
        if not 0 < pk <= params.MAX_ID:
            raise NotFound()
        asked = requested_language(request) if "locale" in request.query_params else None
        records = model.objects.public().filter(pk=pk)
        if asked:
            key = records.values("translation_key")
            records = model.objects.in_locale(asked).filter(translation_key__in=key)
        record = with_list_related(records, self.kind).first()
        if record is None:
            raise NotFound()
        vocabulary = Vocabulary.current(asked or record.locale.language_code)
        return Response(record_representation(request, record, vocabulary))


def term_representation(request, term, kind):
    return {
        "id": term.pk,
        "value": term.slug,
        "label": term.label,
        "synonyms": term.synonym_list,
        "locale": term.locale.language_code,
        "translation_key": str(term.translation_key),
        "detail_url": get_links(request).reverse_pk(f"directory-api-{kind}-detail", term.pk),
    }


class TermListView(PublicAPIMixin, GenericAPIView):
    model = None
    kind = None
    known_parameters = frozenset(["locale"])

    def get(self, request):
        locale = requested_language(request)
        terms = (
            self.model.objects.public()
            .filter(locale__language_code=locale)
            .select_related("locale")
        )
        items = [term_representation(request, term, self.kind) for term in terms]
        return Response({"meta": {"total_count": len(items), "locale": locale}, "items": items})


class TermDetailView(PublicAPIMixin, GenericAPIView):
    model = None
    kind = None

    def get(self, request, pk):
        if not 0 < pk <= params.MAX_ID:
            raise NotFound()
        term = self.model.objects.public().select_related("locale").filter(pk=pk).first()
        if term is None:
            raise NotFound()
        return Response(term_representation(request, term, self.kind))


# Schema --------------------------------------------------------------------------------------
class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Pass it back as the filter's value.")
    label = serializers.CharField(help_text="In the requested locale.")
    count = serializers.IntegerField()


class OptionSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class DirectoryRecordSerializer(serializers.Serializer):
    """A coworker, company or project idea; fields beyond these depend on the kind."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=list(KINDS))
    slug = serializers.CharField()
    name = serializers.CharField()
    language = serializers.CharField(help_text="Language of the record's own text.")
    translation_key = serializers.UUIDField()
    translation = schema.TranslationStatusSerializer(
        help_text="Where this record's translation stands (a detail also lists changed_segments)."
    )
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)
    summary = serializers.CharField()
    skills = OptionSerializer(many=True)
    sectors = OptionSerializer(many=True)
    email = serializers.EmailField(
        required=False, allow_null=True, help_text="Only if the person chose to show it."
    )
    phone = serializers.CharField(
        required=False, allow_null=True, help_text="Only if the person chose to show it."
    )
    photo = schema.ImageValueSerializer(
        required=False, allow_null=True, help_text="A coworker's photo, sized by ?image=."
    )
    logo = schema.ImageValueSerializer(
        required=False, allow_null=True, help_text="A company's logo, sized by ?image=."
    )


class DirectoryListMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    locale = serializers.CharField()
    ordering = serializers.CharField()
    notices = serializers.ListField(child=serializers.DictField())
    engine, degraded = schema.engine_fields()


class DirectoryListSerializer(serializers.Serializer):
    meta = DirectoryListMetaSerializer()
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    items = DirectoryRecordSerializer(many=True)


class TermSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    value = serializers.CharField()
    label = serializers.CharField()
    synonyms = serializers.ListField(child=serializers.CharField())
    locale = serializers.CharField()
    translation_key = serializers.UUIDField()
    detail_url = serializers.URLField()


class TermListSerializer(serializers.Serializer):
    meta = serializers.DictField()
    items = TermSerializer(many=True)


def _list_view(kind):
    spec = KINDS[kind]
    parameters = [
        schema.query("q", str, "Words to search for.", max_length=200),
        schema.LOCALE,
        schema.query("ordering", str, "Order of the results.", enum=list(spec.orderings)),
        schema.query("page", int, "Page number (from 1).", minimum=1, maximum=500),
        schema.query(
            "page_size", int, "Records per page (default 20, at most 100).", minimum=1, maximum=100
        ),
    ] + [
        OpenApiParameter(
            facet.name,
            {
                "type": "array",
                "items": schema.constrained(str),
                "maxItems": MAX_VALUES_PER_FILTER,
            },
            OpenApiParameter.QUERY,
            description=f"Filter ({facet.name}): the value or label of a term (a space's slug "
            f"for `space`), in any language; repeat to combine values (at most "
            f"{MAX_VALUES_PER_FILTER}). A value naming nothing matches no record (an empty list).",
            explode=True,
        )
        for facet in spec.facets
    ]
    if kind != "projects":
        parameters += schema.IMAGE
    decorated = extend_schema(
        summary=f"Search {kind}",
        operation_id=f"directory_{kind}_list",
        parameters=parameters,
        responses={200: DirectoryListSerializer, **schema.errors(400, 429)},
    )
    view_class = type(
        f"Directory{kind.title()}ListView",
        (DirectoryListView,),
        {
            "kind": kind,
            "get": decorated(lambda self, request: DirectoryListView.get(self, request)),
        },
    )
    return view_class.as_view()


def _detail_view(kind):
    decorated = extend_schema(
        summary=f"One of the {kind}",
        operation_id=f"directory_{kind}_detail",
        parameters=[schema.LOCALE, *(schema.IMAGE if kind != "projects" else [])],
        responses={200: DirectoryRecordSerializer, **schema.errors(400, 404, 429)},
    )
    view_class = type(
        f"Directory{kind.title()}DetailView",
        (DirectoryDetailView,),
        {
            "kind": kind,
            "get": decorated(lambda self, request, pk: DirectoryDetailView.get(self, request, pk)),
        },
    )
    return view_class.as_view()


def _term_views(kind, model):
    listing = extend_schema(
        summary=f"All {kind} in a language",
        operation_id=f"directory_{kind}_list",
        parameters=[schema.LOCALE],
        responses={200: TermListSerializer, **schema.errors(400, 429)},
    )
    detail = extend_schema(
        summary=f"One of the {kind}",
        operation_id=f"directory_{kind}_detail",
        responses={200: TermSerializer, **schema.errors(400, 404, 429)},
    )
    list_class = type(
        f"{model.__name__}ListView",
        (TermListView,),
        {"model": model, "kind": kind, "get": listing(lambda self, r: TermListView.get(self, r))},
    )
    detail_class = type(
        f"{model.__name__}DetailView",
        (TermDetailView,),
        {
            "model": model,
            "kind": kind,
            "get": detail(lambda self, r, pk: TermDetailView.get(self, r, pk)),
        },
    )
    return list_class.as_view(), detail_class.as_view()


urlpatterns = []
for _kind in KINDS:
    urlpatterns += [
        path(f"{_kind}/", _list_view(_kind), name=f"directory-api-{_kind}-list"),
        path(f"{_kind}/<int:pk>/", _detail_view(_kind), name=f"directory-api-{_kind}-detail"),
    ]
for _kind, _model in (("skills", Skill), ("sectors", Sector)):
    _list, _detail = _term_views(_kind, _model)
    urlpatterns += [
        path(f"{_kind}/", _list, name=f"directory-api-{_kind}-list"),
        path(f"{_kind}/<int:pk>/", _detail, name=f"directory-api-{_kind}-detail"),
    ]


# Site search ---------------------------------------------------------------------------------
def directory_hits(request, text, locale, limit):
    code = requested_language(request)
    groups = {}
    links = get_links(request)
    vocabulary = None  # the same for every kind: loaded once
    for kind in KINDS:
        query, _problems, vocabulary = parse_directory_query(
            {"q": text, "page_size": str(limit)}, locale=code, kind=kind, vocabulary=vocabulary
        )
        # Grouped hits only: no facets to count.
        results = directory_search(query, vocabulary=vocabulary, facets=False)
        groups[kind] = {
            "total": results.total,
            "engine": results.engine,
            "degraded": results.degraded,
            "items": [
                {
                    "id": hit.pk,
                    "type": f"directory.{type(hit.record).__name__}",
                    "title": hit.view.name,
                    "locale": hit.view.language,
                    "summary": hit.view.summary or None,
                    "detail_url": links.reverse_pk(f"directory-api-{kind}-detail", hit.pk),
                    "html_url": links.full(hit.view.url) if hit.view.url else None,
                }
                for hit in results.hits
            ],
        }
    return groups


# Change feed ---------------------------------------------------------------------------------
def _public(model):
    return lambda record: model.objects.public().filter(pk=record.pk).exists()


def register_change_kinds():
    for kind, spec in KINDS.items():
        changes.register_kind(
            changes.Kind(
                CHANGE_KINDS[kind], spec.model, _public(spec.model), f"directory-api-{kind}-detail"
            )
        )
    changes.register_kind(
        changes.Kind("skill", Skill, lambda term: term.live, "directory-api-skills-detail")
    )
    changes.register_kind(
        changes.Kind("sector", Sector, lambda term: term.live, "directory-api-sectors-detail")
    )
