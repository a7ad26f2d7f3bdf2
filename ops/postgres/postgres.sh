#!/usr/bin/env bash
# PostgreSQL for tests and development on Debian/Ubuntu (COFFEE Hub).
#
#   ops/postgres/postgres.sh start    # install if missing, start the cluster,
#                                     # ensure role+database coffee/coffee
#   ops/postgres/postgres.sh stop     # stop the cluster
#   ops/postgres/postgres.sh status   # exit 0 if accepting connections, 3 otherwise
#   ops/postgres/postgres.sh url      # DATABASE_URL=postgres://coffee:coffee@127.0.0.1:5432/coffee
#   ops/postgres/postgres.sh install  # (re)install Debian's postgresql package
#
# Uses Debian's cluster tools (pg_ctlcluster); the cluster is "<newest version>
# main" and its port is read from pg_lsclusters (5432 unless something else had
# it first). Works as root with no stdin (CI=true); as another user it needs
# passwordless sudo.
#
# Environment:
#   POSTGRES_CLUSTER        cluster name (default main)
#   POSTGRES_START_TIMEOUT  seconds to wait for readiness (default 60)
set -euo pipefail

LOG_NAME=postgres
# shellcheck source=ops/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

CLUSTER="${POSTGRES_CLUSTER:-main}"
START_TIMEOUT="${POSTGRES_START_TIMEOUT:-60}"
DB_USER="coffee"
DB_PASSWORD="coffee"
DB_NAME="coffee"
HOST="127.0.0.1"
DEFAULT_PORT=5432

# Run a command as the postgres OS user (peer authentication over the socket).
as_postgres() {
    if [[ "$(id -un)" == postgres ]]; then
        "$@"
    elif is_root && command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u postgres -- "$@")
    elif is_root; then
        (cd / && su -s /bin/sh postgres -c "$(printf '%q ' "$@")")
    elif command -v sudo >/dev/null 2>&1; then
        (cd / && sudo -n -u postgres -- "$@")
    else
        die "need root, the postgres user or passwordless sudo to run: $*"
    fi
}

# Newest PostgreSQL major version whose server binary is installed.
server_version() {
    local d
    for d in /usr/lib/postgresql/*/bin/postgres; do
        if [[ -x "$d" ]]; then
            basename "$(dirname "$(dirname "$d")")"
        fi
    done | sort -V | tail -n 1
}

server_installed() {
    command -v pg_ctlcluster >/dev/null 2>&1 &&
        command -v pg_lsclusters >/dev/null 2>&1 &&
        command -v pg_isready >/dev/null 2>&1 &&
        [[ -n "$(server_version)" ]]
}

install_server() {
    local t0=$SECONDS
    apt_install postgresql
    server_installed || die "postgresql installed but no server binary found under /usr/lib/postgresql"
    log "PostgreSQL $(server_version) is installed (apt-get took $((SECONDS - t0)) s)."
}

# Prints "<port> <status>" of cluster $1/$CLUSTER, or fails if it does not exist.
cluster_info() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$1" -v c="$CLUSTER" '$1 == v && $2 == c { print $3, $4; found = 1 } END { exit !found }'
}

ensure_cluster() {
    local version=$1
    if ! cluster_info "$version" >/dev/null; then
        log "Creating cluster $version/$CLUSTER (UTF8, C.UTF-8) ..."
        as_root env LANG=C.UTF-8 LC_ALL=C.UTF-8 \
            pg_createcluster --locale=C.UTF-8 --encoding=UTF8 "$version" "$CLUSTER" >/dev/null ||
            die "pg_createcluster $version $CLUSTER failed"
    fi
}

cluster_port() {
    local info
    info="$(cluster_info "$1")" || { echo "$DEFAULT_PORT"; return 0; }
    echo "${info%% *}"
}

cluster_online() {
    local info
    info="$(cluster_info "$1")" || return 1
    [[ "${info#* }" == online* ]]
}

wait_ready() {
    wait_for "$START_TIMEOUT" "PostgreSQL on $HOST:$1" pg_isready -q -h "$HOST" -p "$1"
}

psql_admin() {
    local port=$1
    shift
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"
}

ensure_role_and_db() {
    local port=$1
    log "Ensuring role '$DB_USER' (LOGIN CREATEDB) and database '$DB_NAME' ..."
    psql_admin "$port" <<SQL >/dev/null
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$DB_USER') THEN
        CREATE ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    ELSE
        ALTER ROLE "$DB_USER" LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
    END IF;
END
\$\$;
SQL
    if [[ "$(psql_admin "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]]; then
        psql_admin "$port" -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" >/dev/null
        log "Created database '$DB_NAME'."
    else
        psql_admin "$port" -c "ALTER DATABASE \"$DB_NAME\" OWNER TO \"$DB_USER\"" >/dev/null
    fi
    local enc
    enc="$(psql_admin "$port" -tAc "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'template1'")"
    if [[ "$enc" != UTF8 ]]; then
        log "WARNING: template1 encoding is $enc, not UTF8 (test databases will inherit it)"
    fi
    # Check the way the app connects: TCP + password.
    if ! PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -w -h "$HOST" -p "$port" \
        -U "$DB_USER" -d "$DB_NAME" -tAc 'SELECT 1' >/dev/null; then
        die "cannot log in as $DB_USER over TCP at $HOST:$port (check pg_hba.conf)"
    fi
}

cmd_start() {
    if ! server_installed; then
        log "No PostgreSQL server found."
        install_server
    fi
    local version port
    version="$(server_version)"
    ensure_cluster "$version"
    port="$(cluster_port "$version")"
    if cluster_online "$version"; then
        log "Cluster $version/$CLUSTER already running on port $port."
    else
        log "Starting cluster $version/$CLUSTER (port $port) ..."
        as_root pg_ctlcluster "$version" "$CLUSTER" start ||
            die "pg_ctlcluster $version $CLUSTER start failed (see /var/log/postgresql/postgresql-$version-$CLUSTER.log)"
    fi
    wait_ready "$port"
    ensure_role_and_db "$port"
    log "PostgreSQL $version ready: $(db_url "$port")"
}

cmd_stop() {
    if ! server_installed; then
        log "PostgreSQL server not installed; nothing to stop."
        return 0
    fi
    local version
    version="$(server_version)"
    if cluster_online "$version"; then
        log "Stopping cluster $version/$CLUSTER ..."
        as_root pg_ctlcluster "$version" "$CLUSTER" stop
        log "Stopped."
    else
        log "Cluster $version/$CLUSTER is not running."
    fi
}

cmd_status() {
    if ! server_installed; then
        echo "not installed"
        return 3
    fi
    local version port
    version="$(server_version)"
    port="$(cluster_port "$version")"
    if pg_isready -q -h "$HOST" -p "$port"; then
        echo "running: PostgreSQL $version cluster $CLUSTER on $HOST:$port"
        return 0
    fi
    echo "stopped (PostgreSQL $version cluster $CLUSTER, port $port)"
    return 3
}

db_url() {
    echo "postgres://$DB_USER:$DB_PASSWORD@$HOST:$1/$DB_NAME"
}

cmd_url() {
    local port=$DEFAULT_PORT version
    if command -v pg_lsclusters >/dev/null 2>&1; then
        version="$(server_version)"
        if [[ -n "$version" ]]; then
            port="$(cluster_port "$version")"
        fi
    fi
    echo "DATABASE_URL=$(db_url "$port")"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) cmd_url ;;
    install) install_server ;;
    *) usage ;;
esac
