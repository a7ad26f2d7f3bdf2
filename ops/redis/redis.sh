#!/usr/bin/env bash
# Redis for tests and development on Debian/Ubuntu (COFFEE Hub): the shared cache that
# CACHE_URL=redis://... points several web servers at.
#
#   ops/redis/redis.sh start    # install Debian's redis-server if missing, start it, wait
#   ops/redis/redis.sh stop
#   ops/redis/redis.sh status   # exit 0 if it answers PING, 3 otherwise
#   ops/redis/redis.sh url      # REDIS_URL=redis://127.0.0.1:6390/0
#
# A private instance (its own port, no persistence, state in var/redis/), not the system service.
# Environment: REDIS_PORT (default 6390), REDIS_START_TIMEOUT (default 30).
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${REDIS_PORT:-6390}"
START_TIMEOUT="${REDIS_START_TIMEOUT:-30}"
HOST="127.0.0.1"
VAR_DIR="$PWD/var/redis"

LOG_NAME=redis
# shellcheck source=ops/lib.sh
source ops/lib.sh

answers() { redis-cli -h "$HOST" -p "$PORT" ping 2>/dev/null | grep -q PONG; }

cmd_start() {
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server
    if answers; then
        log "Redis already answers on $HOST:$PORT."
        return 0
    fi
    mkdir -p "$VAR_DIR"
    echo '*' >"$VAR_DIR/.gitignore"
    redis-server --bind "$HOST" --port "$PORT" --daemonize yes --save '' --appendonly no \
        --dir "$VAR_DIR" --pidfile "$VAR_DIR/redis.pid" --logfile "$VAR_DIR/redis.log" ||
        die "redis-server did not start (see $VAR_DIR/redis.log)"
    wait_for "$START_TIMEOUT" "Redis on $HOST:$PORT" answers
    log "Redis ready: redis://$HOST:$PORT/0"
}

cmd_stop() {
    if answers; then
        redis-cli -h "$HOST" -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
        log "Redis on $HOST:$PORT stopped."
    fi
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) answers || exit 3 ;;
url) echo "REDIS_URL=redis://$HOST:$PORT/0" ;;
*) die "usage: $0 start|stop|status|url" ;;
esac
