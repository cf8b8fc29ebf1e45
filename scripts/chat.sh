#!/usr/bin/env bash
# One command from a fresh clone to a conversation: set up, train if needed, start the
# action server, open `rasa shell`. The action server stops when the shell ends.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p build/logs
ACTIONS_PORT=${ACTIONS_PORT:-5055}
.venv/bin/rasa run actions --port "$ACTIONS_PORT" >build/logs/actions.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    if .venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen('http://localhost:$ACTIONS_PORT/health', timeout=1)" 2>/dev/null; then
        break
    fi
    kill -0 $actions_pid 2>/dev/null || { echo "action server failed; see build/logs/actions.log" >&2; exit 1; }
    sleep 0.5
done
.venv/bin/rasa shell "$@"
