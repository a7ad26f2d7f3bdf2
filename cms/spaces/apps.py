from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "cms.spaces"
    label = "spaces"
