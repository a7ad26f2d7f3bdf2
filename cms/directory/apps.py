from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "cms.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from . import signals
        from .search.documents import register_indexes
        from .site_search import register_site_sources

        signals.connect()  # the one place saves reach the search indexes
        register_indexes()  # each kind's documents on a search engine
        register_site_sources()  # people, companies and project ideas in the site search
