from django.apps import AppConfig


class StudiesConfig(AppConfig):
    name = "cms.studies"
    label = "studies"
