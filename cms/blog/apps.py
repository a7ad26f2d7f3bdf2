from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "cms.blog"
    label = "blog"
