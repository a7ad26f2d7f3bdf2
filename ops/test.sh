#!/usr/bin/env bash
# The whole test suite, as `make test` runs it after lint and checks:
#   1. every test on SQLite with Wagtail's database search backend (browser tests included);
#   2. every test but the browser ones again on PostgreSQL (ops/postgres);
# with a real OpenSearch node (ops/opensearch) and a real Redis (ops/redis) running for both, so
# that the search contract suite (tests/search) and the shared-cache tests run against them too.
# CI (CI=true) never skips OpenSearch, Redis or PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=.venv/bin/pytest
RESULTS=var/test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
status=0

run_suite() {
    local name=$1
    shift
    echo "==> pytest: $name"
    set +e
    "$PYTEST" -p no:cacheprovider --junitxml="$RESULTS/$name.xml" "$@"
    local code=$?
    set -e
    if [ "$code" -eq 5 ]; then
        echo "!! suite '$name' ran no test" >&2
        status=1
    elif [ "$code" -ne 0 ]; then
        status=1
    fi
}

# A real OpenSearch node for the engine half of the search contract suite (tests/search).
if command -v java >/dev/null && command -v mvn >/dev/null; then
    if bash ops/opensearch/opensearch.sh start; then
        trap 'bash ops/opensearch/opensearch.sh stop || true' EXIT
        SEARCH_URL="$(bash ops/opensearch/opensearch.sh url)"
        export SEARCH_URL REQUIRE_SEARCH_ENGINE=1
    else
        echo "!! OpenSearch could not be started" >&2
        status=1
    fi
elif [ "${CI:-}" = "true" ]; then
    echo "!! CI needs Java and Maven for the OpenSearch suite" >&2
    status=1
else
    echo "-- no Java/Maven here: the OpenSearch half of tests/search will be skipped" >&2
fi

# A real Redis server for the shared-cache tests (CACHE_URL=redis:// across processes).
if bash ops/redis/redis.sh start; then
    trap 'bash ops/opensearch/opensearch.sh stop || true; bash ops/redis/redis.sh stop || true' EXIT
    eval "export $(bash ops/redis/redis.sh url)"
    export REQUIRE_REDIS=1
else
    echo "!! Redis could not be started" >&2
    status=1
fi

run_suite sqlite

if bash ops/postgres/postgres.sh start; then
    eval "export $(bash ops/postgres/postgres.sh url)"
    run_suite postgresql --ignore=tests/e2e
    unset DATABASE_URL
else
    echo "!! PostgreSQL could not be started" >&2
    status=1
fi

.venv/bin/python ops/summarise_tests.py "$RESULTS"
exit $status
