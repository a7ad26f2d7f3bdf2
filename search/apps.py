from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from search.breaker import engine_recovered
        from search.tasks import replay_when_recovered

        engine_recovered.connect(replay_when_recovered, dispatch_uid="search-replay-pending")
