from django.urls import path, register_converter
from django.urls.converters import SlugConverter

from . import feeds, views


class UnicodeSlugConverter(SlugConverter):
    """A record's slug, in any alphabet (SlugField(allow_unicode=True)); anything else, such
    as a NUL character, is no address of a record (a 404, and no query)."""

    regex = r"[-\w]+"


register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "directory"

urlpatterns = [
    path("", views.directory_index, name="index"),
    path("coworkers/<unicode_slug:slug>/", views.coworker_detail, name="coworkers-detail"),
    path("companies/<unicode_slug:slug>/", views.company_detail, name="companies-detail"),
    path("projects/feed/", feeds.ProjectIdeasFeed(), name="projects-feed"),
    path("projects/<unicode_slug:slug>/", views.project_detail, name="projects-detail"),
]
