"""OpenSearch 2/3, through opensearch-py (see remote.py)."""

from .remote import RemoteEngine


class OpenSearchEngine(RemoteEngine):
    name = "opensearch"
    engine = "opensearch"
