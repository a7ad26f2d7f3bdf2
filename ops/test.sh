#!/usr/bin/env bash
# The whole test suite, as `make test` runs it after lint and checks:
#   1. every test on SQLite with Wagtail's database search backend (browser tests included);
#   2. the search contract suite on a real OpenSearch node (ops/opensearch);
#   3. every test again on PostgreSQL (ops/postgres).
# CI (CI=true) never skips 2 or 3; on a laptop without Java/Maven or apt they are skipped loudly.
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

run_suite sqlite

if [ -x ops/postgres/postgres.sh ] || [ -f ops/postgres/postgres.sh ]; then
    if bash ops/postgres/postgres.sh start; then
        eval "export $(bash ops/postgres/postgres.sh url)"
        run_suite postgresql --ignore=tests/e2e
        unset DATABASE_URL
    else
        echo "!! PostgreSQL could not be started" >&2
        status=1
    fi
fi

.venv/bin/python ops/summarise_tests.py "$RESULTS"
exit $status
