"""Elasticsearch 8, through the official client (see remote.py): the same request bodies as
OpenSearch, which the contract suite proves on a real node."""

from .remote import RemoteEngine


class ElasticsearchEngine(RemoteEngine):
    name = "elasticsearch"
    engine = "elasticsearch"
