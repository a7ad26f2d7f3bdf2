"""The directory's SQL is compiled once per shape (cms.core.compiled), but the time it is
run at is the time of each search: a record expiring between two identical searches is in
the first and not in the second."""

import pytest
from django.db import connection
from django.utils import timezone

from cms.core import compiled
from cms.directory.models import Coworker
from search.directory import DirectoryQuery, search

from .conftest import PUBLIC_PEOPLE

pytestmark = pytest.mark.django_db

QUERIES = {
    "landing": {},
    "filtered": {"filters": {"language": ("fr", "nl", "en")}},
    "text": {"text": "comptable"},
}


def run(sql, params) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk for (pk,) in cursor.fetchall()}


def expire_now(record):
    Coworker.objects.filter(translation_key=record.translation_key).update(expire_at=timezone.now())


@pytest.mark.parametrize("shape", QUERIES)
def test_a_record_expiring_between_two_identical_searches_leaves_the_second(directory, shape):
    query = DirectoryQuery(locale="nl", **QUERIES[shape])
    camille = directory.people["camille"]
    first = search(query)
    assert camille.translation_key in {hit.record.translation_key for hit in first.hits}

    expire_now(camille)
    second = search(query)

    assert camille.translation_key not in {hit.record.translation_key for hit in second.hits}
    assert second.total == first.total - 1
    assert sum(value.count for value in second.facets["language"].values) < sum(
        value.count for value in first.facets["language"].values
    )


def test_the_time_is_bound_on_every_use_of_kept_sql(directory):
    def build(now):
        return Coworker.objects.in_locale("en", now).values("pk")

    def public_at(now):
        return run(*compiled.sql_for(("test", "public people"), build, [compiled.NOW], [now]))

    before = timezone.now()
    assert len(public_at(before)) == len(PUBLIC_PEOPLE)
    expire_now(directory.people["emma"])
    assert len(public_at(timezone.now())) == len(PUBLIC_PEOPLE) - 1
    assert len(public_at(before)) == len(PUBLIC_PEOPLE)  # the same SQL, an earlier time


def test_sql_reading_the_clock_itself_is_never_kept(directory):
    """A queryset whose time is not the one handed to it could not be bound again: it is
    compiled on every use instead of being kept with a stale time."""

    def build(_now):
        return Coworker.objects.in_locale("en").values("pk")  # reads the clock itself

    def count():
        sql, params = compiled.sql_for(("test", "clock"), build, [compiled.NOW], [timezone.now()])
        return len(run(sql, params))

    assert count() == len(PUBLIC_PEOPLE)
    expire_now(directory.people["emma"])
    assert count() == len(PUBLIC_PEOPLE) - 1


def test_records_read_with_kept_sql_are_whole_and_of_their_time(
    directory, django_assert_num_queries
):
    """The records a search engine's hits name, read again with SQL compiled once: joined
    rows loaded with them, and whether they are still public decided at each use's time."""
    from search.directory.service import _public_records

    people = {role: directory.people[role] for role in ("julien", "emma")}  # not translated
    pks = [person.pk for person in people.values()]
    query = DirectoryQuery(locale="en")
    _public_records(query, pks)  # compiles
    with django_assert_num_queries(1):
        records = _public_records(query, pks)
        assert {record.locale.language_code for record in records} == {"fr", "en"}
        assert sorted(record.name for record in records) == sorted(p.name for p in people.values())
    expire_now(people["emma"])
    assert [record.name for record in _public_records(query, pks)] == [people["julien"].name]
