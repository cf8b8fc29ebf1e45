"""Shared fixtures: a real SQLite knowledge store file, a Rasa model trained in this run,
and one set of real servers (Rasa with every channel, the action server, a Slack stand-in)."""
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from knowledge.store import load
from nlu_components import spacy_pipeline as nlp
from tests.rasa_servers import PROJECT_ROOT, RASA, action_server, rasa_env, rasa_server
from tests.slack_standin import SlackStandIn, slack_standin

TEST_STORE_VARIABLE = "TEST_KNOWLEDGE_DB_URL"
SLACK_SIGNING_SECRET = "test-signing-secret"
SLACK_BOT_TOKEN = "xoxb-test-token"


@pytest.fixture(scope="session", autouse=True)
def knowledge_store(tmp_path_factory):
    """Every test (and every server a test starts) uses a fresh store loaded from the data
    files: a new SQLite file, or the (empty) database TEST_KNOWLEDGE_DB_URL names, which is how
    tests/test_deployment.py runs the store tests against PostgreSQL."""
    url = os.environ.get(TEST_STORE_VARIABLE) or \
        f"sqlite:///{tmp_path_factory.mktemp('store') / 'knowledge.db'}"
    os.environ["KNOWLEDGE_DB_URL"] = url
    load.load()
    return url


@pytest.fixture(scope="session")
def trained_model(knowledge_store, tmp_path_factory):
    """A real `rasa train` of this project, with the spaCy pipeline built from this store.
    (While developing, TEST_RASA_MODEL=path/to/model.tar.gz reuses a model instead.)"""
    nlp.main([str(nlp.DEFAULT_OUTPUT)])  # the pipeline config.yml points at
    if os.environ.get("TEST_RASA_MODEL"):
        return Path(os.environ["TEST_RASA_MODEL"])
    out = tmp_path_factory.mktemp("models")
    result = subprocess.run([RASA, "train", "--out", str(out), "--fixed-model-name", "advisor",
                             "--num-threads", "2", "--force"], cwd=PROJECT_ROOT, env=rasa_env(),
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    model = out / "advisor.tar.gz"
    assert model.exists()
    return model


@dataclass(frozen=True)
class Bot:
    url: str  # the Rasa server: REST, socketio and Slack webhooks
    slack: SlackStandIn


@pytest.fixture(scope="session")
def bot(trained_model, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    with slack_standin() as (standin, api_url), action_server(workdir) as action_url, \
            rasa_server(trained_model, action_url, workdir, env={
                "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET, "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN,
                "SLACK_API_URL": api_url}) as url:
        yield Bot(url, standin)
