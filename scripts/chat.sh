#!/usr/bin/env bash
# One command from a fresh clone to a conversation: set up, train if needed, start the
# action server, open `rasa shell`. The action server stops when the shell ends.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
source scripts/lib.sh
ACTIONS_PORT=${ACTIONS_PORT:-5055}
start_actions
# The shell talks to its own Rasa server over REST: nobody else needs to reach it.
.venv/bin/rasa shell --interface "${RASA_HOST:-127.0.0.1}" "$@"
