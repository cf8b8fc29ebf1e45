"""What `make web` and `make chat` expose (issue 12). The servers are started by the scripts'
own functions in scripts/lib.sh, so these tests hold the scripts' defaults, not a copy of them.
With its API on, Rasa runs without a model (an empty model folder: the routes and their guards
are the same, and it starts in seconds); with the API off it will not start without one."""
import ipaddress
import os
import signal
import subprocess
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Dict, Iterator, Set

import pytest
import requests

from tests.rasa_servers import PROJECT_ROOT, free_port, rasa_env, wait_for

pytestmark = pytest.mark.rasa

WIDGET_ORIGIN = "http://localhost:8080"
# Settings a developer's shell may hold that would change the defaults under test.
OVERRIDES = ("RASA_HOST", "ACTIONS_HOST", "RASA_API_TOKEN", "WIDGET_ORIGINS")


@contextmanager
def from_lib_sh(function: str, health_url: str, workdir: Path, env: Dict[str, str],
                *arguments: str) -> Iterator[None]:
    """Runs `function` of scripts/lib.sh (start_rasa, start_actions) as the scripts do, until
    the block ends; its log goes to `workdir`."""
    environment = {k: v for k, v in rasa_env().items() if k not in OVERRIDES}
    script = f'source scripts/lib.sh && {function} "$@" && wait'
    process = subprocess.Popen(["bash", "-c", script, "lib.sh", *arguments], cwd=PROJECT_ROOT,
                               env={**environment, "LOG_DIR": str(workdir), **env},
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                               start_new_session=True)  # its own group: stopped with the servers
    try:
        wait_for(health_url, process, workdir / f"{function.removeprefix('start_')}.log", 120)
        yield
    finally:
        with suppress(ProcessLookupError):  # gone already if it failed to start
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def listening_addresses(port: int) -> Set[str]:
    """The addresses a TCP port listens on, from the kernel's tables (IPv6 ones left in hex)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(str(ipaddress.ip_address(int.from_bytes(bytes.fromhex(address),
                                                                  "little")))
                          if len(address) == 8 else address)
    return found


@contextmanager
def rasa(workdir: Path, model: Path, **env: str) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with from_lib_sh("start_rasa", f"{url}/", workdir,
                     {"RASA_PORT": str(port), "WIDGET_ORIGINS": WIDGET_ORIGIN, **env},
                     "--model", str(model)):
        assert listening_addresses(port) == {"127.0.0.1"}
        yield url


@pytest.fixture(scope="module")
def default_rasa(trained_model, tmp_path_factory):
    """Rasa as `make web` starts it."""
    with rasa(tmp_path_factory.mktemp("default_rasa"), trained_model) as url:
        yield url


def test_rasa_listens_on_loopback_with_the_api_off(default_rasa):
    url = default_rasa
    assert requests.get(f"{url}/webhooks/rest/", timeout=10).json() == {"status": "ok"}
    assert requests.get(f"{url}/status", timeout=10).status_code == 404
    assert requests.get(f"{url}/conversations/someone/tracker", timeout=10).status_code == 404
    assert requests.put(f"{url}/model", json={"model_file": "/x"}, timeout=10).status_code \
        in (404, 405)


def test_the_api_refuses_calls_without_its_token(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    with rasa(tmp_path, models, RASA_API_TOKEN="s3cret") as url:
        for token in ({}, {"token": "wrong"}):
            assert requests.get(f"{url}/conversations/someone/tracker", params=token,
                                timeout=10).status_code == 401
            assert requests.put(f"{url}/model", params=token, json={"model_file": "/x"},
                                timeout=10).status_code == 401
        # With the token the call gets past the guard (409: no model is loaded here).
        assert requests.get(f"{url}/status", params={"token": "s3cret"}, timeout=10).status_code \
            == 409


def test_only_the_widgets_page_may_call_rasa_from_a_browser(default_rasa):
    def allowed_origin(origin: str) -> object:
        response = requests.options(f"{default_rasa}/webhooks/rest/webhook", timeout=10, headers={
            "Origin": origin, "Access-Control-Request-Method": "POST"})
        return response.headers.get("Access-Control-Allow-Origin")

    assert allowed_origin(WIDGET_ORIGIN) == WIDGET_ORIGIN
    assert allowed_origin("https://evil.example") is None


def test_the_action_server_listens_on_loopback(tmp_path):
    port = free_port()
    with from_lib_sh("start_actions", f"http://127.0.0.1:{port}/health", tmp_path,
                     {"ACTIONS_PORT": str(port)}):
        assert listening_addresses(port) == {"127.0.0.1"}
