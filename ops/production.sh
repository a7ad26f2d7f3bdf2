#!/usr/bin/env bash
# `make production`: checks the environment, prepares the site (translations, static files,
# deployment checks, migrations, cache table), then serves it with gunicorn, the webhook and
# newsletter workers and the scheduler under production settings. If one of them stops, all stop.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${VENV:-.venv}/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
export DJANGO_SETTINGS_MODULE=cms.settings.production

say() { echo "== $*" >&2; }

# Required: no default would be safe in production.
missing=()
for name in SECRET_KEY ALLOWED_HOSTS EMAIL_URL DEFAULT_FROM_EMAIL WAGTAILADMIN_BASE_URL; do
    if [ -z "${!name:-}" ]; then missing+=("$name"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
    cat >&2 <<HELP
!! make production needs these environment variables: ${missing[*]}
   SECRET_KEY             a long random string, e.g. \$(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')
   ALLOWED_HOSTS          the site's host names, comma-separated, e.g. coffee-hub.eu
   EMAIL_URL              the SMTP server, e.g. smtp://user:password@mail.coffee-hub.eu:587
   DEFAULT_FROM_EMAIL     the sender of the site's e-mails, e.g. "COFFEE Hub <hub@coffee-hub.eu>"
   WAGTAILADMIN_BASE_URL  the site's public address, e.g. https://coffee-hub.eu
Optional: DATABASE_URL (default: SQLite in ${COFFEE_VAR_DIR:-var}/), CACHE_URL, SEARCH_ENGINE,
SERVE_MEDIA (default 1), HOST (${HOST}), PORT (${PORT}), WEB_CONCURRENCY (gunicorn workers).
See README.md, "Production".
HELP
    exit 2
fi
if [ -z "${DATABASE_URL:-}" ]; then
    say "DATABASE_URL unset: SQLite in ${COFFEE_VAR_DIR:-var}/coffee.sqlite3"
fi
mkdir -p "${COFFEE_VAR_DIR:-var}"

say "compiling translations"
"$PY" manage.py compilemessages --ignore=".venv/*" -v0
say "collecting static files"
"$PY" manage.py collectstatic --no-input -v0
say "deployment checks"
"$PY" manage.py check --deploy --fail-level WARNING
say "migrations"
"$PY" manage.py migrate --no-input -v1
"$PY" manage.py createcachetable

pids=()
stop() {
    trap - INT TERM
    kill "${pids[@]}" 2>/dev/null || true
    wait || true
}
trap 'stop; exit 143' INT TERM

say "serving http://$HOST:$PORT/ (gunicorn, webhook and newsletter workers, scheduler)"
"$PY" -m gunicorn cms.wsgi:application --bind "$HOST:$PORT" \
    --workers "${WEB_CONCURRENCY:-3}" --access-logfile - &
pids+=($!)
"$PY" manage.py db_worker --backend webhooks --queue-name webhooks &
pids+=($!)
"$PY" manage.py db_worker --backend newsletter --queue-name newsletter &
pids+=($!)
"$PY" manage.py run_scheduler &
pids+=($!)

status=0
wait -n || status=$?
say "a process stopped (exit $status): stopping the others"
stop
exit "$status"
