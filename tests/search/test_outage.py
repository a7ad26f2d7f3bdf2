"""The site with its search engine stopped (connection refused), stuck (a listener that accepts
and never answers) or frozen (a real OpenSearch node of our own under SIGSTOP): every search
answers 200 from the database and says it is degraded, the admin's searches too, publishing
queues what the engine missed and the engine finds the edit once it is back, and pages that do
not search answer while searches are in flight.

Runs against the real OpenSearch node of ops/opensearch/opensearch.sh, our own one (port
SEARCH_OUTAGE_PORT), started here when needed; skipped without Java, failed in CI.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from http.client import HTTPConnection

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.demo.factories import ImageFactory
from search.breaker import Breaker
from search.models import PendingIndexUpdate
from search.pages import search_pages
from search.rebuild import rebuild_wagtail_indexes
from tests.conftest import TITLES
from tests.scratch_database import migrated_sqlite

from .conftest import REQUIRED
from .faults import ROOT, closed_port_url, engine_at, hung_engine, start_node, stop_node

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

COWORKING = TITLES["article_old"]["fr"]  # "Un an de coworking"


@pytest.fixture(params=["refused", "hung"])
def dead_engine(request):
    """The URL of an engine that is stopped (refused) or stuck (accepts, never answers)."""
    if request.param == "refused":
        yield closed_port_url()
        return
    with hung_engine() as url:
        yield url


@pytest.fixture(scope="module")
def node():
    """Our own OpenSearch node, to freeze (never the shared one)."""
    try:
        started = start_node()
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        if REQUIRED:
            pytest.fail(f"CI/REQUIRE_SEARCH_ENGINE: {error}", pytrace=False)
        pytest.skip(f"no OpenSearch node of our own could start here to freeze ({error})")
    yield started
    stop_node(started)


def open_breaker(client, url):
    """Searches until the breaker opens (each waits for the dead engine until then)."""
    for _attempt in range(3):
        response = client.get("/api/v2/search/?q=coworking&locale=fr")
        assert response.status_code == 200
        if Breaker(url).is_open():
            return
    raise AssertionError("the breaker did not open")


SEARCHES = [
    "/api/v2/pages/?search=coworking",
    "/api/v2/pages/?search=coworking&search_operator=or",
    "/api/v2/events/?search=atelier",
    "/api/v2/images/?search=coworking",
    "/api/v2/documents/?search=coworking",
]


def test_searches_answer_from_the_database_and_say_so(site_tree, client, dead_engine):
    with engine_at(dead_engine):
        open_breaker(client, dead_engine)
        answer = client.get("/api/v2/search/?q=coworking&locale=fr").json()
        pages = answer["results"]["pages"]
        assert pages["degraded"] and pages["engine"] == "database"
        assert COWORKING in {item["title"] for item in pages["items"]}
        for url in SEARCHES:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"].startswith("application/json"), url
        titles = {item["title"] for item in client.get(SEARCHES[0]).json()["items"]}
        assert COWORKING in titles
        site = client.get("/fr/search/?q=coworking")
        assert site.status_code == 200 and COWORKING in site.content.decode()


def test_the_admins_searches_answer_from_the_database(site_tree, client, dead_engine):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pass-1234")
    client.force_login(admin)
    with engine_at(dead_engine):
        for url in ["/admin/pages/search/?q=coworking", "/admin/images/?q=coworking"]:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 200, url
        for url in ["/admin/pages/search/?q=coworking", "/admin/documents/?q=coworking"]:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 200, url
        assert COWORKING in client.get("/admin/pages/search/?q=coworking").content.decode()


def test_publishing_never_fails_and_is_queued(
    site_tree, dead_engine, django_capture_on_commit_callbacks
):
    page = site_tree.page("article_old", "fr")
    with engine_at(dead_engine), django_capture_on_commit_callbacks(execute=True):
        page.title = "Un an de coworking transfrontalier"
        page.save_revision().publish()
        image = ImageFactory(title="Coworking à Tournai")
    pending = set(PendingIndexUpdate.objects.values_list("model", "object_id"))
    assert (type(page)._meta.label_lower, str(page.pk)) in pending
    assert (type(image)._meta.label_lower, str(image.pk)) in pending


def engine_titles(query: str) -> set[str]:
    get_search_backend().es.indices.refresh(index=f"{get_search_backend().index_prefix}*")
    results, degraded = search_pages(Page.objects.live(), query)
    assert not degraded
    return {page.title for page in results}


def test_a_frozen_engine_misses_nothing(site_tree, node, django_capture_on_commit_callbacks):
    """Frozen (SIGSTOP) while an editor publishes: the publish succeeds and is queued, searches
    answer from the database; resumed (SIGCONT): the first search that reaches the engine
    sends it what it missed, and the engine finds the edit."""
    page = site_tree.page("article_old", "fr")
    # A timeout that a healthy node on a busy machine meets; the frozen node waits it out twice.
    with engine_at(
        node.url, timeout=5, SEARCH_BREAKER_FAILURES=2, SEARCH_BREAKER_RESET_SECONDS=0
    ) as prefix:
        try:
            rebuild_wagtail_indexes()
            assert COWORKING in engine_titles("coworking")
            with node.frozen():
                page.title = "Un an de coworking zanzibarique"
                with django_capture_on_commit_callbacks(execute=True):
                    page.save_revision().publish()
                results, degraded = search_pages(Page.objects.live(), "zanzibarique")
                assert degraded and page.title in {found.title for found in results}
                assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
            with django_capture_on_commit_callbacks(execute=True):
                search_pages(Page.objects.live(), "coworking")  # reaches the engine: replay
            assert not PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
            assert page.title in engine_titles("zanzibarique")
        finally:
            get_search_backend().es.indices.delete(index=f"{prefix}*")


# -- a real server: pages answer while searches wait ---------------------------------------
HOST = "127.0.0.1"


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def scratch_database(tmp_path_factory):
    database = migrated_sqlite(tmp_path_factory.mktemp("outage") / "site.sqlite3")
    env = os.environ | {"DATABASE_URL": f"sqlite:///{database}", "SEARCH_ENGINE": "database"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(  # noqa: S603 - manage.py, fixed arguments
        [sys.executable, str(ROOT / "manage.py"), "createcachetable"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return database


@contextmanager
def gunicorn(database, engine_url: str):
    """The site on gunicorn (2 sync workers, as in production), its engine at ``engine_url``,
    the breaker's state in the database cache both workers share."""
    port = free_port()
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "outage-test-not-a-secret",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SEARCH_ENGINE": "opensearch",
        "SEARCH_URL": engine_url,
        "SEARCH_TIMEOUT": "2",
        "SEARCH_INDEX_PREFIX": f"test-{uuid.uuid4().hex[:10]}-",
        "API_THROTTLE_RATE": "",
        "LOG_LEVEL": "ERROR",
    }
    process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
        [
            str(os.path.join(os.path.dirname(sys.executable), "gunicorn")),
            "cms.wsgi:application",
            "--workers=2",
            f"--bind={HOST}:{port}",
            "--timeout=120",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _attempt in range(600):
            try:
                if get(port, "/api/v2/pages/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("gunicorn did not start")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@pytest.mark.own_sqlite
@pytest.mark.parametrize("fault", ["hung", "frozen"])
def test_pages_answer_while_searches_wait_for_a_stuck_engine(scratch_database, fault, request):
    with (
        stuck_engine(fault, request) as engine_url,
        gunicorn(scratch_database, engine_url) as port,
    ):
        searches = []

        def search():
            status, body = get(port, "/api/v2/search/?q=coworking")
            searches.append((status, json.loads(body)))

        threads = [threading.Thread(target=search) for _ in range(8)]
        for thread in threads:
            thread.start()
        pages = [get(port, "/api/v2/pages/")[0] for _ in range(3)]
        for thread in threads:
            thread.join()
        assert pages == [200, 200, 200]
        assert [status for status, _answer in searches] == [200] * 8
        assert all(answer["results"]["pages"]["degraded"] for _status, answer in searches)


@contextmanager
def stuck_engine(fault, request):
    """The URL of a hung listener, or of our own node frozen (SIGSTOP) until the end."""
    if fault == "hung":
        with hung_engine() as url:
            yield url
        return
    node = request.getfixturevalue("node")
    with node.frozen():
        yield node.url
