# Shared by chat.sh and web.sh: start a server in the background, stop it on exit, and
# wait until it answers.
export TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p build/logs
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

# start_server NAME URL COMMAND...: run COMMAND (log: build/logs/NAME.log), wait for URL.
start_server() {
    local name=$1 url=$2
    shift 2
    "$@" >"build/logs/$name.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 1 240); do
        if .venv/bin/python -c "import urllib.request; urllib.request.urlopen('$url', timeout=1)" 2>/dev/null; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { echo "$name failed to start; see build/logs/$name.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "$name did not answer at $url; see build/logs/$name.log" >&2
    exit 1
}
