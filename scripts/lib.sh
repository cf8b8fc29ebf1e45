# Shared by chat.sh and web.sh: start the servers in the background, stop them on exit, and
# wait until they answer. What they expose is chosen here once, for both.
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
LOG_DIR=${LOG_DIR:-build/logs}
mkdir -p "$LOG_DIR"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

# start_server NAME URL COMMAND...: run COMMAND (log: $LOG_DIR/NAME.log), wait for URL.
start_server() {
    local name=$1 url=$2
    shift 2
    "$@" >"$LOG_DIR/$name.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 1 240); do
        if .venv/bin/python -c "import urllib.request; urllib.request.urlopen('$url', timeout=1)" 2>/dev/null; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { echo "$name failed to start; see $LOG_DIR/$name.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "$name did not answer at $url; see $LOG_DIR/$name.log" >&2
    exit 1
}

# start_actions: the action server on ACTIONS_PORT. rasa-sdk listens on every interface unless
# SANIC_HOST says otherwise, and Rasa is its only client: loopback unless ACTIONS_HOST is set.
start_actions() {
    local host=${ACTIONS_HOST:-127.0.0.1}
    start_server actions "http://$host:$ACTIONS_PORT/health" \
        env SANIC_HOST="$host" .venv/bin/rasa run actions --port "$ACTIONS_PORT"
}

# start_rasa [ARGUMENTS...]: Rasa's channels (REST, socketio, Slack) on RASA_HOST:RASA_PORT
# (loopback unless RASA_HOST is set), answering cross-origin requests only from the pages in
# WIDGET_ORIGINS. Rasa's HTTP API reads and rewrites any conversation and replaces the model
# (PUT /model): it stays off unless RASA_API_TOKEN is set, and then every call needs the token.
# ARGUMENTS go to `rasa run` (e.g. --model).
start_rasa() {
    local host=${RASA_HOST:-127.0.0.1} api=() origins=()
    [ -z "${RASA_API_TOKEN:-}" ] || api=(--enable-api --auth-token "$RASA_API_TOKEN")
    read -ra origins <<<"${WIDGET_ORIGINS:-}"  # space-separated, as an environment variable can hold
    start_server rasa "http://$host:$RASA_PORT/" .venv/bin/rasa run --interface "$host" \
        --port "$RASA_PORT" --cors "${origins[@]}" "${api[@]}" "$@"
}
