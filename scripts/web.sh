#!/usr/bin/env bash
# The website widget: set up, train if needed, start the action server and Rasa (socketio,
# REST and Slack channels on port 5005), and serve web/ on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
[ -d web/node_modules/socket.io-client ] || npm ci --prefix web --no-audit --no-fund --silent
source scripts/lib.sh
ACTIONS_PORT=${ACTIONS_PORT:-5055} RASA_PORT=${RASA_PORT:-5005} WEB_PORT=${WEB_PORT:-8080}
start_server actions "http://localhost:$ACTIONS_PORT/health" \
    .venv/bin/rasa run actions --port "$ACTIONS_PORT"
start_server rasa "http://localhost:$RASA_PORT/" \
    .venv/bin/rasa run --port "$RASA_PORT" --cors "*" --enable-api
echo "==> widget: http://localhost:$WEB_PORT/?server=http://localhost:$RASA_PORT  (Ctrl-C stops everything)"
.venv/bin/python -m http.server "$WEB_PORT" --directory web --bind 127.0.0.1
