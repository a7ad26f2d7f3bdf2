#!/usr/bin/env bash
# Installs what the end-to-end tests (tests/e2e) need and is missing:
#   - Debian's chromium at /usr/bin/chromium (Playwright drives it; its own browser download
#     cannot work on these machines),
#   - Node.js and npm when absent (only to install axe-core),
#   - axe-core, pinned in ops/e2e/package.json + package-lock.json, into ops/e2e/node_modules,
#   - fonts-dejavu-core, the font of the demo pictures (cms/demo/media.py).
# Idempotent and quick when everything is there; runs as root without standard input (CI).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DEBIAN_FRONTEND=noninteractive

say() { printf 'e2e-deps: %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n DEBIAN_FRONTEND=noninteractive "$@"
    else
        say "need root to run: $*" >&2
        return 1
    fi
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        as_root apt-get update -qq </dev/null
        apt_updated=1
    fi
    say "apt-get install $*"
    as_root apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

# 1. Chromium from Debian.
if [ -x /usr/bin/chromium ]; then
    say "chromium present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
else
    # fonts-liberation: metric-compatible fonts, so layout and contrast checks see real glyphs.
    apt_install chromium fonts-liberation
    say "chromium installed ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
fi

# 2. DejaVu fonts: the demo content draws its pictures' labels with them (cms/demo/media.py).
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
    say "fonts-dejavu-core present"
else
    apt_install fonts-dejavu-core
fi

# 3. axe-core from npm, at the version pinned in package-lock.json.
axe_js="$here/node_modules/axe-core/axe.min.js"
wanted="$(sed -n 's/.*"axe-core": *"\([^"]*\)".*/\1/p' "$here/package.json" | head -n1)"
installed=""
if [ -f "$here/node_modules/axe-core/package.json" ]; then
    installed="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
        "$here/node_modules/axe-core/package.json" | head -n1)"
fi
if [ -f "$axe_js" ] && [ "$installed" = "$wanted" ]; then
    say "axe-core $installed present ($axe_js)"
else
    if ! command -v npm >/dev/null 2>&1; then
        apt_install nodejs npm
    fi
    say "npm ci (axe-core $wanted) in $here"
    rm -rf "$here/node_modules"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
    test -f "$axe_js" || { say "axe-core did not install: $axe_js is missing" >&2; exit 1; }
    say "axe-core installed ($axe_js)"
fi
