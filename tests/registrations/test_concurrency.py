"""Seats under concurrency, on whichever database the suite runs (SQLite and PostgreSQL in
`make test`): many visitors registering at once never overfill an event, and two
cancellations at once, or a raised capacity racing cancellations, promote each waiting person
exactly once, with one e-mail each."""

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from cms.registrations import services
from cms.registrations.models import Registration, Status

from .conftest import make_event

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("database_on_disk"),
]


@pytest.fixture
def database_on_disk(transactional_db, tmp_path):
    """On SQLite, a copy of the test database in a file for the test's duration: the in-memory
    test database (shared cache) locks whole tables and fails at once ("database table is
    locked") where the site's file database, in WAL mode, makes a writer wait its turn."""
    if connection.vendor != "sqlite":
        yield
        return
    settings_dict = connection.settings_dict  # the dict every thread's connection is made from
    in_memory = settings_dict["NAME"]
    path = tmp_path / "concurrency.sqlite3"
    connection.ensure_connection()
    keeper = sqlite3.connect(in_memory, uri=True)  # the in-memory database lives while open
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    settings_dict["NAME"] = str(path)
    connection.close()  # the next query opens the file
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = in_memory
        connection.ensure_connection()  # back on the in-memory database, before letting go
        keeper.close()


def in_threads(count, work):
    """Run work(i) for i in range(count), all released at once; returns results or errors."""
    barrier = threading.Barrier(count)

    def run(i):
        try:
            barrier.wait()
            return work(i)
        except Exception as error:  # noqa: BLE001 - the test reports every failure
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_concurrent_registrations_never_overfill(smtp_server):
    page = make_event(capacity=5, languages=())["fr"]

    def register(i):
        return services.register(
            page, name=f"Person {i}", email=f"p{i}@example.org", language="fr"
        ).status

    results = in_threads(16, register)
    # The same address twice at once: one registration.
    twice = in_threads(
        4, lambda i: services.register(page, name="Twin", email="twin@example.org", language="fr")
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    assert results.count(Status.CONFIRMED) == 5 and results.count(Status.WAITING) == 11
    assert Registration.objects.confirmed().count() == 5
    refused = [r for r in twice if isinstance(r, services.RegistrationRefused)]
    assert len(refused) == 3 and Registration.objects.filter(email="twin@example.org").count() == 1
    assert len(smtp_server.messages) == 17


def test_concurrent_cancellations_promote_each_waiting_person_once(smtp_server):
    page = make_event(capacity=2, languages=())["fr"]
    registrations = [
        services.register(page, name=f"P{i}", email=f"p{i}@example.org", language="fr")
        for i in range(5)
    ]
    smtp_server.forget()
    confirmed = [r.pk for r in registrations[:2]]

    # Each seat holder cancels twice at the same moment (a double click and a second tab).
    results = in_threads(4, lambda i: services.cancel(confirmed[i % 2]))

    assert [r for r in results if isinstance(r, Exception)] == []
    promoted = [p.email for _cancelled, batch in results for p in batch]
    assert sorted(promoted) == ["p2@example.org", "p3@example.org"]
    assert Registration.objects.confirmed().count() == 2
    assert list(Registration.objects.waiting().values_list("email", flat=True)) == [
        "p4@example.org"
    ]
    for email in promoted:
        assert len(smtp_server.to(email)) == 1
    assert len(smtp_server.to("p0@example.org")) == 1  # one cancellation message
    assert not smtp_server.to("p4@example.org")


def test_capacity_raised_while_people_cancel_promotes_each_waiting_person_once(smtp_server):
    """Capacity 2 raised to 3 (promotion run twice at once, as when the source and a
    translation are published together) while both seat holders cancel: three seats, held by
    the first three waiting, each told once; the fourth keeps waiting."""
    page = make_event(capacity=2, languages=())["fr"]
    registrations = [
        services.register(page, name=f"P{i}", email=f"p{i}@example.org", language="fr")
        for i in range(6)
    ]
    smtp_server.forget()
    type(page).objects.filter(pk=page.pk).update(capacity=3)
    confirmed = [r.pk for r in registrations[:2]]

    def work(i):
        if i < 2:
            return services.promote_after_capacity_change(page)
        return services.cancel(confirmed[i - 2])[1]

    results = in_threads(4, work)

    assert [r for r in results if isinstance(r, Exception)] == []
    promoted = sorted(p.email for batch in results for p in batch)
    assert promoted == ["p2@example.org", "p3@example.org", "p4@example.org"]
    assert Registration.objects.confirmed().count() == 3
    assert list(Registration.objects.waiting().values_list("email", flat=True)) == [
        "p5@example.org"
    ]
    for email in promoted:
        assert len(smtp_server.to(email)) == 1
    assert not smtp_server.to("p5@example.org")
