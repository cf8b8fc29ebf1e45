#!/usr/bin/env bash
# The website widget: set up, train if needed, start the action server and Rasa (socketio,
# REST and Slack channels on port 5005), and serve web/ on http://localhost:8080 — all on
# loopback, Rasa's HTTP API off (scripts/lib.sh says how to change either).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
[ -d web/node_modules/socket.io-client ] || npm ci --prefix web --no-audit --no-fund --silent
source scripts/lib.sh
ACTIONS_PORT=${ACTIONS_PORT:-5055} RASA_PORT=${RASA_PORT:-5005} WEB_PORT=${WEB_PORT:-8080}
# The widget's page is the one origin whose scripts may call Rasa (socket.io's polling fallback).
WIDGET_ORIGINS=${WIDGET_ORIGINS:-"http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT"}
start_actions
start_rasa
echo "==> widget: http://localhost:$WEB_PORT/?server=http://localhost:$RASA_PORT  (Ctrl-C stops everything)"
.venv/bin/python -m http.server "$WEB_PORT" --directory web --bind 127.0.0.1
