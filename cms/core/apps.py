from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "COFFEE Hub core"

    def ready(self):
        from . import admin_names, checks  # noqa: F401 - checks register themselves
        from .site_search import register_site_sources

        admin_names.connect()
        register_site_sources()  # pages, events and studies in the site search
