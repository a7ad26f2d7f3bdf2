import re, collections
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from .test_queries import Generator
pytestmark = pytest.mark.django_db

def norm(sql):
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "N", sql)
    sql = re.sub(r"IN \([^)]*\)", "IN (...)", sql)
    sql = re.sub(r"SELECT .*? FROM", "SELECT .. FROM", sql)
    return sql[:200]

def test_dbg(client, site_tree):
    Generator(site_tree).grow_to(5)
    url = site_tree.url("home", "fr")
    client.get(url)
    with CaptureQueriesContext(connection) as c:
        client.get(url)
    for sql, n in collections.Counter(norm(q["sql"]) for q in c.captured_queries).most_common():
        print(n, sql)
