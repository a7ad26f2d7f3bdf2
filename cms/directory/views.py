"""Directory pages: the search page and one page per coworker, company and project idea."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import contact
from .forms import ContactForm
from .kinds import KINDS
from .presenters import detail_context, with_list_related
from .search import parse_directory_query, search

# Wrong parameters still get the full page, corrected, with a message; the status tells robots
# and the API that the request itself was wrong.
BAD_PARAMETERS_STATUS = 400
FILTERS_PARAM, FILTERS_OPEN = "filters", "open"
SORT_LABELS = {
    "relevance": lambda: _("Relevance"),
    "name": lambda: _("Name"),
    "recent": lambda: _("Most recent"),
    "deadline": lambda: _("Deadline"),
}


def directory_index(request):
    language = get_language()
    query, errors, vocabulary = parse_directory_query(request.GET, locale=language)
    results = search(query, vocabulary=vocabulary)
    messages = [*errors, *results.notices]
    kind = KINDS[query.kind]
    context = {
        "query": query,
        "results": results,
        "parameter_errors": messages,
        "kind": kind,
        "kinds": [
            {
                "name": k.name,
                "label": k.label,
                "active": k.name == query.kind,
                "params": query.replace(kind=k.name, filters={}, page=1, ordering="").params(),
            }
            for k in KINDS.values()
        ],
        "orderings": [(name, SORT_LABELS[name]()) for name in kind.orderings],
        "active_filters": [
            {
                "facet": facet,
                "value": value,
                "params": query.replace(
                    filters={
                        **query.filters,
                        facet.name: tuple(
                            v for v in query.selected(facet.name) if v != value.value
                        ),
                    },
                    page=1,
                ).params(),
            }
            for facet in results.facets.values()
            for value in facet.selected
        ],
        "clear_params": query.replace(filters={}, page=1).params(),
        # On a phone the filters are folded behind a button; ?filters=open unfolds them, so
        # the state stays in the address and the page works without JavaScript.
        "filters_open": request.GET.get(FILTERS_PARAM) == FILTERS_OPEN,
        "filters_params": [*query.params(), (FILTERS_PARAM, FILTERS_OPEN)],
        "filters_closed_params": query.params(),
    }
    status = BAD_PARAMETERS_STATUS if messages else 200
    return render(request, "directory/index.html", context, status=status)


def _public_record(kind_name: str, slug: str, language: str):
    kind = KINDS[kind_name]
    queryset = kind.model.objects.in_locale(language).filter(slug=slug)
    record = with_list_related(queryset, kind_name).first()
    if record is None:
        raise Http404
    return record


@require_http_methods(["GET", "HEAD", "POST"])
def coworker_detail(request, slug):
    language = get_language()
    record = _public_record("coworkers", slug, language)
    form, status, flooded = None, 200, False
    if record.can_be_contacted:
        if request.method == "POST":
            form = ContactForm(request.POST)
            if contact.is_flooding(request, record):
                flooded, status = True, 429
            elif form.is_valid():
                contact.count_attempt(request, record)
                if not form.is_trapped:
                    contact.relay(
                        record,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        message=form.cleaned_data["message"],
                        language=language,
                    )
                # A robot that filled the trap sees the same thing as a person.
                return HttpResponseRedirect(f"{record.get_url(language)}?sent=1#contact")
            else:
                status = 400
        else:
            form = ContactForm()
    elif request.method == "POST":
        raise Http404
    context = detail_context(record, language, request=request)
    context.update(
        contact_form=form,
        contact_sent=request.GET.get("sent") == "1",
        contact_flooded=flooded,
    )
    return render(request, "directory/coworkers_detail.html", context, status=status)


def company_detail(request, slug):
    language = get_language()
    record = _public_record("companies", slug, language)
    context = detail_context(record, language, request=request)
    return render(request, "directory/companies_detail.html", context)


def project_detail(request, slug):
    language = get_language()
    record = _public_record("projects", slug, language)
    context = detail_context(record, language, request=request)
    return render(request, "directory/projects_detail.html", context)
