#!/usr/bin/env bash
# One command from a fresh clone to a conversation: set up, train if needed, start the
# action server, open `rasa shell`. The action server stops when the shell ends.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
source scripts/lib.sh
ACTIONS_PORT=${ACTIONS_PORT:-5055}
start_server actions "http://localhost:$ACTIONS_PORT/health" \
    .venv/bin/rasa run actions --port "$ACTIONS_PORT"
.venv/bin/rasa shell "$@"
