"""An engine that cannot be reached (a firewall dropping packets, a host gone from the network)
is given up after SEARCH_CONNECT_TIMEOUT, not after SEARCH_TIMEOUT: the first searches of an
outage, before the circuit breaker opens, do not each wait for an answer that cannot come.

Both client libraries (opensearch-py, elasticsearch 8), through our own client (the directory,
/api/v2/search/) and through Wagtail's backends (pages, images, documents, the admin). What an
operator sees in the log names the connect timeout that gave up.
"""

import logging

import pytest

from search.breaker import Breaker
from search.clients import get_client
from search.engines.base import EngineUnavailable

from .faults import engine_at, unreachable_engine

pytestmark = pytest.mark.django_db

CONNECT = 0.2  # SEARCH_CONNECT_TIMEOUT of these tests
READ = 3.0  # SEARCH_TIMEOUT: what each call would wait for without a connect timeout
GAVE_UP = f"connect timeout={CONNECT}"  # urllib3's words when connecting took too long
ENGINES = ["opensearch", "elasticsearch"]


@pytest.fixture
def unreachable():
    with unreachable_engine() as url:
        yield url


@pytest.mark.parametrize("engine", ENGINES)
def test_our_client_gives_up_connecting_after_the_connect_timeout(engine, unreachable):
    with (
        engine_at(unreachable, timeout=READ, engine=engine, SEARCH_CONNECT_TIMEOUT=CONNECT),
        pytest.raises(EngineUnavailable) as raised,
    ):
        get_client().search("coffee-anything", {"query": {"match_all": {}}})
    assert GAVE_UP in str(raised.value)


@pytest.mark.parametrize("engine", ENGINES)
def test_wagtail_searches_give_up_connecting_and_answer_from_the_database(
    engine, unreachable, site_tree, client, caplog
):
    with (
        engine_at(unreachable, timeout=READ, engine=engine, SEARCH_CONNECT_TIMEOUT=CONNECT),
        caplog.at_level(logging.WARNING, logger="search"),
    ):
        response = client.get("/api/v2/pages/?search=coworking")
        assert response.status_code == 200
        assert response.json()["items"], "answered from the database"
    warnings = [record.getMessage() for record in caplog.records]
    assert any(GAVE_UP in message for message in warnings), warnings


def test_the_breaker_opens_on_an_unreachable_engine(unreachable, site_tree, client):
    """The site search keeps answering, then stops trying the engine at all."""
    with engine_at(unreachable, timeout=READ, SEARCH_CONNECT_TIMEOUT=CONNECT):
        for _attempt in range(3):
            answer = client.get("/api/v2/search/?q=coworking&locale=fr")
            assert answer.status_code == 200
            assert answer.json()["results"]["pages"]["degraded"]
        assert Breaker(unreachable).is_open()
