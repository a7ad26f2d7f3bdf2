#!/usr/bin/env bash
# The whole test suite, as `make test` runs it after lint and checks, in two halves at once:
#   1. every test on SQLite with Wagtail's database search backend (browser tests included);
#   2. every test but the browser ones again on PostgreSQL (ops/postgres), in the background,
#      its output printed when it ends (var/test-results/postgresql.log);
# with a real OpenSearch node (ops/opensearch) and a real Redis (ops/redis) running for both, so
# that the search contract suite (tests/search) and the shared-cache tests run against them too.
# The halves share the OpenSearch node (each test makes indexes of its own) but nothing a test
# empties or freezes: each half has its Redis database, its outage node and its temporary folder.
# CI (CI=true) never skips OpenSearch, Redis or PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTEST=.venv/bin/pytest
RESULTS=var/test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
TEMP=$(mktemp -d -t coffee-tests-XXXX)
status=0
postgres_half=""
services=()

stop_everything() {
    if [ -n "$postgres_half" ]; then
        kill -- "-$postgres_half" 2>/dev/null || kill "$postgres_half" 2>/dev/null || true
    fi
    for service in "${services[@]}"; do
        bash "ops/$service/$service.sh" stop || true
    done
    rm -rf "$TEMP"
}
trap stop_everything EXIT

# run_suite NAME [pytest arguments]: its exit code is left in $RESULTS/NAME.code.
run_suite() {
    local name=$1
    shift
    echo "==> pytest: $name"
    set +e
    "$PYTEST" -p no:cacheprovider --junitxml="$RESULTS/$name.xml" --basetemp="$TEMP/$name" "$@"
    echo $? >"$RESULTS/$name.code"
    set -e
}

check_suite() {
    local name=$1 code
    code=$(cat "$RESULTS/$name.code" 2>/dev/null || echo 1)
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
        services+=(opensearch)
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
    services+=(redis)
    eval "export $(bash ops/redis/redis.sh url)"
    export REQUIRE_REDIS=1
else
    echo "!! Redis could not be started" >&2
    status=1
fi

postgres_was_running=""
if bash ops/postgres/postgres.sh status >/dev/null 2>&1; then
    postgres_was_running=yes
fi
if bash ops/postgres/postgres.sh start; then
    # A cluster that was already running (a developer's) is left running at the end.
    if [ -z "$postgres_was_running" ]; then
        services+=(postgres)
    fi
    # Its own process group, so that an interrupted run stops it with everything it started.
    set -m
    (
        eval "export $(bash ops/postgres/postgres.sh url)"
        if [ -n "${REDIS_URL:-}" ]; then
            export REDIS_URL="${REDIS_URL%/*}/1"
        fi
        export SEARCH_OUTAGE_PORT=9272
        export SEARCH_OUTAGE_VAR_DIR="$PWD/var/opensearch-outage-postgresql"
        # Browser tests, and tests that serve the site on a SQLite database of their own
        # (marker own_sqlite), would only repeat the SQLite half here.
        run_suite postgresql --ignore=tests/e2e -m "not own_sqlite"
    ) >"$RESULTS/postgresql.log" 2>&1 &
    postgres_half=$!
    set +m
    echo "==> pytest: postgresql, in the background (its output when it ends)"
else
    echo "!! PostgreSQL could not be started" >&2
    status=1
fi

run_suite sqlite
check_suite sqlite

if [ -n "$postgres_half" ]; then
    echo "==> waiting for the postgresql half"
    wait "$postgres_half" || true
    postgres_half=""
    cat "$RESULTS/postgresql.log"
    check_suite postgresql
fi

.venv/bin/python ops/summarise_tests.py "$RESULTS"
exit $status
