#!/usr/bin/env bash
# The whole test suite: set up, lint and type-check (ruff, mypy: configured in pyproject.toml),
# then pytest (unit tests of the knowledge store, action tests, a real `rasa train`,
# `rasa test` end-to-end stories, and HTTP tests against real servers).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system_deps.sh
scripts/setup.sh
echo "==> ruff"
.venv/bin/ruff check .
echo "==> mypy"
.venv/bin/mypy
npm ci --prefix web --no-audit --no-fund --silent
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
# --durations: the slowest parts print at the end, so every CI log shows where the time goes.
exec .venv/bin/python -m pytest --durations=12 "$@"
