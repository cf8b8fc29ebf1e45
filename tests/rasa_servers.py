"""Start real Rasa and action servers on loopback for tests, and talk to them over HTTP."""
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import requests

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")


def rasa_env() -> Dict[str, str]:
    """The environment of every Rasa process a test starts. Without a TRACKER_STORE_URL of
    the caller's, in memory: a test must never write into build/conversations.db, the
    checkout's own conversations (rasa_server gives its servers a SQLite file of their own)."""
    return {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONWARNINGS": "ignore",
            "TRACKER_STORE_URL": os.environ.get("TRACKER_STORE_URL") or "memory://"}


def own_tracker_store(database: Path) -> Dict[str, str]:
    """A rasa_server `env` for the default tracker store, SQLite, on this file: a server
    restarted with the same file goes on with its conversations."""
    return {"TRACKER_STORE_URL": "", "TRACKER_STORE_DB": str(database)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up in {seconds}s:\n{log.read_text()[-3000:]}")


@contextmanager
def started(command: List[str], health_url: str, log: Path,
            env: Optional[Dict[str, str]] = None) -> Iterator[subprocess.Popen]:
    with open(log, "w") as output:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env={**rasa_env(), **(env or {})},
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_for(health_url, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def action_server(workdir: Path, env: Optional[Dict[str, str]] = None) -> Iterator[str]:
    port = free_port()
    # rasa-sdk listens on every interface unless SANIC_HOST names one; tests need loopback only.
    with started([RASA, "run", "actions", "--port", str(port), "--actions", "actions"],
                 f"http://127.0.0.1:{port}/health", workdir / f"actions-{port}.log",
                 {"SANIC_HOST": "127.0.0.1", **(env or {})}):
        yield f"http://127.0.0.1:{port}/webhook"


@contextmanager
def rasa_server(model: Path, action_url: str, workdir: Path,
                credentials: Path = PROJECT_ROOT / "credentials.yml",
                env: Optional[Dict[str, str]] = None) -> Iterator[str]:
    port = free_port()
    endpoints = workdir / f"endpoints-{port}.yml"
    endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text().replace(
        "http://localhost:5055/webhook", action_url))
    command = [RASA, "run", "--model", str(model), "--port", str(port), "--interface", "127.0.0.1",
               "--endpoints", str(endpoints), "--credentials", str(credentials),
               "--cors", "*"]
    # The store the server runs with by default (SQLite), on a file of its own in the workdir,
    # unless the caller's environment or `env` names a store (bench/load.py, test_deployment).
    store = {} if os.environ.get("TRACKER_STORE_URL") else \
        own_tracker_store(workdir / f"conversations-{port}.db")
    with started(command, f"http://127.0.0.1:{port}/", workdir / f"rasa-{port}.log",
                 {**store, **(env or {})}):
        yield f"http://127.0.0.1:{port}"


def say(server: str, sender: str, text: str) -> List[Dict]:
    """POST one message to the REST channel; the bot's messages."""
    response = requests.post(f"{server}/webhooks/rest/webhook",
                             json={"sender": sender, "message": text}, timeout=60)
    response.raise_for_status()
    return response.json()


def say_text(server: str, sender: str, text: str) -> str:
    return "\n".join(message.get("text", "") for message in say(server, sender, text))
