#!/usr/bin/env bash
# Train the Rasa model if config, domain or data changed (Rasa skips training otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
.venv/bin/rasa train --quiet --num-threads 2 "$@"
