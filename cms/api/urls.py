"""Everything under /api/, mounted outside i18n_patterns (one URL per resource, any language)."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

from cms.api.registrations import RegistrationView
from cms.api.subscribers import SubscribeView

from . import views
from .preview import PreviewEndpoint
from .router import api_router

preview_view = api_router.wrap_view(PreviewEndpoint.as_view({"get": "preview_view"}))

api_patterns = [
    path("v2/changes/", views.ChangeFeedView.as_view(), name="changes"),
    path("v2/", views.IndexView.as_view(), name="api-index"),
    path("v2/search/", views.SiteSearchView.as_view(), name="api-search"),
    path("v2/directory/", include("cms.api.directory")),
    path("v2/newsletter/subscribe/", SubscribeView.as_view(), name="newsletter-subscribe"),
    path("v2/preview/", preview_view, name="preview"),
    re_path(
        r"^v2/events/(?P<pk>[0-9]{1,18})/registrations/$",
        RegistrationView.as_view(),
        name="event-registrations",
    ),
    path("v2/", api_router.urls),
    path("schema/", views.SchemaView.as_view(urlconf="cms.api.urls"), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    # [\s\S], not ".": a path with a newline (%0A) is still an API path, answered in JSON.
    re_path(r"^[\s\S]*$", views.not_found, name="not-found"),
]

urlpatterns = [path("api/", include(api_patterns))]
