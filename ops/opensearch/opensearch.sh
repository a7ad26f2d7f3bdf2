#!/usr/bin/env bash
# Local single-node OpenSearch 2.19 (one JVM, codelibs' OpenSearchRunner) for
# tests and development. Needs only Java 11+ (17 tested) and Maven 3.
#
#   ops/opensearch/opensearch.sh start    # build once, start, wait for green/yellow
#   ops/opensearch/opensearch.sh stop
#   ops/opensearch/opensearch.sh status   # exit 0 if healthy, 3 if stopped, 1 if unhealthy
#   ops/opensearch/opensearch.sh url      # prints http://127.0.0.1:9201
#   ops/opensearch/opensearch.sh logs     # last lines of the log
#   ops/opensearch/opensearch.sh reset    # stop and delete the node's data
#
# Environment:
#   OPENSEARCH_PORT           HTTP port (default 9201)
#   OPENSEARCH_CLUSTER_NAME   cluster name (default coffee-hub)
#   OPENSEARCH_START_TIMEOUT  seconds to wait for health on start (default 180)
#   OPENSEARCH_JAVA_OPTS      JVM options (default "-Xms2g -Xmx2g")
#   OPENSEARCH_VAR_DIR        state folder (default <repo>/var/opensearch)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
VAR_DIR="${OPENSEARCH_VAR_DIR:-$REPO_ROOT/var/opensearch}"
BUILD_DIR="$VAR_DIR/build"          # maven target dir: classes/, classpath.txt
HOME_DIR="$VAR_DIR/home"            # runner base path; node home is home/node_1
PID_FILE="$VAR_DIR/opensearch.pid"
LOG_FILE="$VAR_DIR/opensearch.log"
MAVEN_LOG="$VAR_DIR/maven.log"
LOCK_FILE="$VAR_DIR/.lock"
CLASSPATH_FILE="$BUILD_DIR/classpath.txt"
CLASSES_DIR="$BUILD_DIR/classes"
BUILD_STAMP="$BUILD_DIR/.build-ok"
MAIN_CLASS="coffeehub.opensearch.LocalNode"

HOST="127.0.0.1"
PORT="${OPENSEARCH_PORT:-9201}"
CLUSTER_NAME="${OPENSEARCH_CLUSTER_NAME:-coffee-hub}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
JAVA_OPTS_DEFAULT="-Xms2g -Xmx2g"
URL="http://$HOST:$PORT"

LOG_NAME=opensearch
# shellcheck source=ops/lib.sh
source "$REPO_ROOT/ops/lib.sh"

show_log_tail() {
    local file=${1:-$LOG_FILE} n=${2:-60}
    if [[ -s "$file" ]]; then
        log "---- last $n lines of $file ----"
        tail -n "$n" "$file" >&2 || true
        log "---- end of log ----"
    fi
}

# GET a URL, print the body; non-zero unless the server answered 2xx.
http_get() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsS --max-time 5 "$1" 2>/dev/null
    else
        python3 - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as r:
        sys.stdout.write(r.read().decode("utf-8", "replace"))
except Exception:
    sys.exit(1)
PY
    fi
}

# Prints green/yellow/red, or nothing (and fails) if no answer.
health_status() {
    local body
    body="$(http_get "$URL/_cluster/health")" || return 1
    sed -n 's/.*"status"[[:space:]]*:[[:space:]]*"\([a-z]*\)".*/\1/p' <<<"$body"
}

is_healthy() {
    local s
    s="$(health_status 2>/dev/null)" || return 1
    [[ "$s" == green || "$s" == yellow ]]
}

port_in_use() {
    timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$PORT" 2>/dev/null
}

# Prints the pid of the node started by this script (this checkout), if alive.
managed_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    [[ -n "$pid" ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid: it must be our java main with our folder.
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline" == *"$MAIN_CLASS"* && "$cmdline" == *"$HOME_DIR"* ]] || return 1
    echo "$pid"
}

prepare_var_dir() {
    mkdir -p "$VAR_DIR" "$HOME_DIR" "$VAR_DIR/tmp"
    # Keep all generated state out of git even if the repo .gitignore lacks var/.
    [[ -f "$VAR_DIR/.gitignore" ]] || printf '*\n' >"$VAR_DIR/.gitignore"
}

take_lock() {
    # Serialise concurrent start/stop calls (e.g. parallel make targets).
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$LOCK_FILE"
        if ! flock -w "$((START_TIMEOUT + 120))" 9; then
            die "could not acquire $LOCK_FILE (another start/stop is stuck?)"
        fi
    fi
}

build_is_current() {
    [[ -s "$CLASSPATH_FILE" && -f "$BUILD_STAMP" && -f "$CLASSES_DIR/coffeehub/opensearch/LocalNode.class" ]] || return 1
    # Rebuild when the pom or the Java source changed since the last build.
    if [[ -n "$(find "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" -newer "$BUILD_STAMP" -print -quit)" ]]; then
        return 1
    fi
    # ...or when a jar vanished from the local Maven repository.
    local jar
    while IFS= read -r jar; do
        [[ -z "$jar" || -f "$jar" ]] || return 1
    done < <(tr ':' '\n' <"$CLASSPATH_FILE")
    return 0
}

ensure_build() {
    command -v java >/dev/null 2>&1 || die "java not found (Java 11+ is required)"
    if build_is_current; then
        return 0
    fi
    command -v mvn >/dev/null 2>&1 || die "mvn not found (Maven 3 is required to fetch OpenSearch jars)"
    log "Resolving OpenSearch jars with Maven and compiling the launcher"
    log "(first run downloads ~70 MB into ~/.m2; later runs reuse it) ..."
    rm -f "$BUILD_STAMP"
    local t0=$SECONDS
    if ! mvn -B -q -f "$SCRIPT_DIR/pom.xml" -Dlocal.build.dir="$BUILD_DIR" \
        compile dependency:build-classpath >"$MAVEN_LOG" 2>&1; then
        show_log_tail "$MAVEN_LOG" 40
        die "Maven build failed (full output: $MAVEN_LOG)"
    fi
    [[ -s "$CLASSPATH_FILE" ]] || die "Maven did not write $CLASSPATH_FILE"
    touch "$BUILD_STAMP"
    log "Build done in $((SECONDS - t0)) s."
}

wait_until_healthy() {
    local pid=$1 t0=$SECONDS last_report=$SECONDS status
    log "Waiting up to ${START_TIMEOUT}s for $URL/_cluster/health to be green or yellow ..."
    while :; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE"
            show_log_tail
            die "OpenSearch (pid $pid) exited during startup (log: $LOG_FILE)"
        fi
        status="$(health_status 2>/dev/null || true)"
        if [[ "$status" == green || "$status" == yellow ]]; then
            log "OpenSearch is up: $URL (status $status, pid $pid, $((SECONDS - t0)) s)"
            return 0
        fi
        if ((SECONDS - t0 >= START_TIMEOUT)); then
            show_log_tail
            log "Timed out after ${START_TIMEOUT}s (last status: ${status:-no answer}); stopping pid $pid"
            stop_pid "$pid"
            exit 1
        fi
        if ((SECONDS - last_report >= 10)); then
            log "... still starting ($((SECONDS - t0)) s, status: ${status:-no answer yet})"
            last_report=$SECONDS
        fi
        sleep 1
    done
}

stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid did not stop within 30 s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 20; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    rm -f "$PID_FILE"
}

cmd_start() {
    prepare_var_dir
    take_lock
    local pid
    if pid="$(managed_pid)"; then
        if ! tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qx -- "-Dlocal.httpPort=$PORT"; then
            die "a node from this checkout already runs (pid $pid) on another port; run '$0 stop' first"
        fi
        if is_healthy; then
            log "Already running and healthy: $URL (pid $pid)"
            return 0
        fi
        log "Already running (pid $pid) but not healthy yet"
        wait_until_healthy "$pid"
        return 0
    fi
    rm -f "$PID_FILE"
    if is_healthy; then
        log "An OpenSearch not started by this script already answers at $URL; using it."
        log "(stop it yourself, or pick another port with OPENSEARCH_PORT)"
        return 0
    fi
    if port_in_use; then
        die "port $PORT on $HOST is in use by something that is not a healthy OpenSearch; set OPENSEARCH_PORT"
    fi

    ensure_build

    [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
    local classpath java_opts
    classpath="$CLASSES_DIR:$(cat "$CLASSPATH_FILE")"
    java_opts="${OPENSEARCH_JAVA_OPTS:-$JAVA_OPTS_DEFAULT}"
    log "Starting OpenSearch node on $URL (cluster $CLUSTER_NAME, data in $HOME_DIR/node_1)"
    # shellcheck disable=SC2086  # java_opts is a word list on purpose
    nohup java $java_opts \
        -XX:+UseG1GC \
        -Djava.awt.headless=true \
        -Dfile.encoding=UTF-8 \
        -Dlog4j2.formatMsgNoLookups=true \
        -Djava.io.tmpdir="$VAR_DIR/tmp" \
        -Dlocal.basePath="$HOME_DIR" \
        -Dlocal.httpPort="$PORT" \
        -Dlocal.host="$HOST" \
        -Dlocal.clusterName="$CLUSTER_NAME" \
        -cp "$classpath" "$MAIN_CLASS" \
        </dev/null >>"$LOG_FILE" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$PID_FILE"
    log "pid $pid, log $LOG_FILE"
    wait_until_healthy "$pid"
}

cmd_stop() {
    prepare_var_dir
    take_lock
    local pid
    if ! pid="$(managed_pid)"; then
        rm -f "$PID_FILE"
        log "Not running (no live node started from this checkout)."
        return 0
    fi
    log "Stopping OpenSearch (pid $pid) ..."
    stop_pid "$pid"
    log "Stopped."
}

cmd_status() {
    local pid status
    if pid="$(managed_pid)"; then
        status="$(health_status 2>/dev/null || true)"
        if [[ "$status" == green || "$status" == yellow ]]; then
            echo "running: $URL (pid $pid, cluster health $status)"
            return 0
        fi
        echo "running (pid $pid) but not healthy: ${status:-no HTTP answer} at $URL"
        return 1
    fi
    if is_healthy; then
        echo "running (not started by this script): $URL"
        return 0
    fi
    echo "stopped"
    return 3
}

cmd_reset() {
    cmd_stop
    log "Deleting node data in $HOME_DIR"
    rm -rf "$HOME_DIR"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) echo "$URL" ;;
    logs) show_log_tail "$LOG_FILE" "${2:-100}" 2>&1 ;;
    reset) cmd_reset ;;
    *) usage ;;
esac
