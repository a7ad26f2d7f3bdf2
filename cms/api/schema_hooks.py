"""drf-spectacular's post-processing of the partner API's schema (SPECTACULAR_SETTINGS): what
?fields=, ?order= and ?type= accept is read from the endpoints themselves, and objects shaped by
?fields= are open-ended."""

import re

from wagtail.models import Page, get_page_models

from .endpoints import DocumentsEndpoint, EventsEndpoint, ImagesEndpoint, PagesEndpoint
from .filters import orderable_fields
from .schema import order

OPEN_COMPONENTS = ("Page", "Event", "Preview")
#: Objects shaped by ?fields=, which can remove any of their fields (`-title`, `_`, `*,-id`):
#: what they must still have (a preview always says it is one).
SELECTED_COMPONENTS = {
    "Page": [],
    "PageMeta": [],
    "Event": [],
    "Image": [],
    "ImageMeta": [],
    "Document": [],
    "DocumentMeta": [],
    "Preview": ["meta"],
    "PreviewMeta": ["preview"],
}


def choice_pattern(names):
    return "(" + "|".join(sorted(re.escape(name) for name in names)) + ")"


def fields_pattern(names):
    """?fields= in Wagtail's syntax: `*` (all) then fields to remove (`-title`), `_` (none) then
    fields to add, or fields to add or remove (nested `image(title)` selections are left out)."""
    name = choice_pattern(names)
    return f"^(\\*(,-{name})*|_(,{name})*|-?{name}(,-?{name})*)?$"


def refine_parameters(result):
    """What ?fields=, ?order= and ?type= accept depends on the models behind each endpoint:
    computed once the apps are loaded, from the same methods that check the values."""
    endpoints = {
        "pages": (PagesEndpoint, Page),
        "events": (EventsEndpoint, EventsEndpoint.model),
        "images": (ImagesEndpoint, ImagesEndpoint.model),
        "documents": (DocumentsEndpoint, DocumentsEndpoint.model),
    }
    page_types = [f"{model._meta.app_label}.{model.__name__}" for model in get_page_models()]
    paths = result.get("paths", {})
    for name, (endpoint, model) in endpoints.items():
        available = set(endpoint.get_available_fields(model))
        listing_fields = available - set(endpoint.detail_only_fields)
        paths_fields = [
            (f"/api/v2/{name}/", listing_fields),
            (f"/api/v2/{name}/{{id}}/", available),
        ]
        if name == "pages":  # a preview: the detail of a page of any type
            every_type = set().union(
                *(endpoint.get_available_fields(page_model) for page_model in get_page_models())
            )
            paths_fields.append(("/api/v2/preview/", available | every_type))
        for path, fields in paths_fields:
            for parameter in paths.get(path, {}).get("get", {}).get("parameters", []):
                if parameter["name"] == "fields":
                    parameter["schema"] = {"type": "string", "pattern": fields_pattern(fields)}
                elif parameter["name"] == "order" and name in ("pages", "events"):
                    parameter["schema"] = order(orderable_fields(endpoint, model)).type
                elif parameter["name"] == "type" and name == "pages":
                    one = choice_pattern(page_types)
                    parameter["schema"] = {"type": "string", "pattern": f"^({one}(,{one})*)?$"}


def postprocess(result, generator, request, public):
    """Pages and events gain fields with ?fields=: their objects are open-ended."""
    refine_parameters(result)
    schemas = result.get("components", {}).get("schemas", {})
    for name in OPEN_COMPONENTS:
        if name in schemas:
            schemas[name]["additionalProperties"] = True
    for name, required in SELECTED_COMPONENTS.items():
        if name in schemas:
            schemas[name].pop("required", None)
            if required:
                schemas[name]["required"] = required
    result.setdefault("info", {})["description"] = (
        result["info"].get("description", "")
        + '\n\nErrors always look like `{"error": {"status": 400, "code": '
        '"invalid_parameter", "parameter": "offset", "message": "..."}}`. '
        "Responses carry ETag and Last-Modified (send If-None-Match / If-Modified-Since for a "
        "304), Cache-Control: public, max-age=60, and CORS headers for any origin."
    )
    return result
