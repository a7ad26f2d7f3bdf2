from django.urls import path

from . import feeds, views

app_name = "directory"

urlpatterns = [
    path("", views.directory_index, name="index"),
    path("coworkers/<str:slug>/", views.coworker_detail, name="coworkers-detail"),
    path("companies/<str:slug>/", views.company_detail, name="companies-detail"),
    path("projects/feed/", feeds.ProjectIdeasFeed(), name="projects-feed"),
    path("projects/<str:slug>/", views.project_detail, name="projects-detail"),
]
