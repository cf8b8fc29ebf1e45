#!/usr/bin/env bash
# System packages the tests use, installed from Debian when missing (CI starts from a
# clean machine): chromium for the widget test, postgresql and redis-server for the
# multi-replica deployment test, npm for the widget's pinned socket.io client.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v npm >/dev/null 2>&1 || need+=(npm)

if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
        echo "warning: missing ${need[*]} and cannot install them without root; the tests that need them will fail." >&2
        exit 0
    fi
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "==> installing system packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
