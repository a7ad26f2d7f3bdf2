# Helpers shared by the ops/ scripts (opensearch, postgres, redis). Sourced, not run:
#   LOG_NAME=redis; source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# shellcheck shell=bash

log() { echo "[${LOG_NAME:-ops}] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as root (directly, or through passwordless sudo).
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n -- "$@"
    else
        die "need root (or passwordless sudo) to run: $*"
    fi
}

# The script's own header comment (lines 2-18) as its usage, then exit 2.
usage() {
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# apt_install PACKAGE...: Debian's packages, quietly, without upgrading anything else.
# C.UTF-8 so that a PostgreSQL cluster the package creates is UTF8, not SQL_ASCII.
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* yourself"
    log "Installing Debian's $* package (apt-get update + install, quiet) ..."
    local env=(env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8)
    as_root "${env[@]}" apt-get -qq -o DPkg::Lock::Timeout=300 update </dev/null ||
        die "apt-get update failed"
    as_root "${env[@]}" apt-get -qq -y -o DPkg::Lock::Timeout=300 \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        install --no-install-recommends --no-upgrade "$@" </dev/null >/dev/null ||
        die "apt-get install $* failed"
}

# wait_for SECONDS WHAT COMMAND...: run COMMAND until it succeeds, saying so every 5 s;
# die after SECONDS.
wait_for() {
    local timeout=$1 what=$2 t0=$SECONDS last=$SECONDS
    shift 2
    until "$@"; do
        ((SECONDS - t0 < timeout)) || die "$what not ready after ${timeout}s"
        if ((SECONDS - last >= 5)); then
            log "... waiting for $what ($((SECONDS - t0)) s)"
            last=$SECONDS
        fi
        sleep 0.2
    done
}
