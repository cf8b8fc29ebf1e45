"""Real Rasa: train the model once per session, validate the data, run the end-to-end test
stories with `rasa test`, and talk to real servers over HTTP."""
import subprocess
import uuid

import pytest

from knowledge import nlp
from tests.rasa_servers import (PROJECT_ROOT, RASA, action_server, rasa_env, rasa_server, say,
                                say_text)

pytestmark = pytest.mark.rasa


def rasa(*args, timeout=1500):
    return subprocess.run([RASA, *args], cwd=PROJECT_ROOT, env=rasa_env(), capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory):
    nlp.main([str(nlp.DEFAULT_OUTPUT)])  # the pipeline config.yml points at, from this store
    out = tmp_path_factory.mktemp("models")
    result = rasa("train", "--out", str(out), "--fixed-model-name", "advisor",
                  "--num-threads", "2", "--force")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    model = out / "advisor.tar.gz"
    assert model.exists()
    return model


@pytest.fixture(scope="module")
def servers(trained_model, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("servers")
    with action_server(workdir) as action_url, \
            rasa_server(trained_model, action_url, workdir) as server:
        yield server


# Responses only the custom actions utter: the validator sees stories and rules, not actions.
UTTERED_BY_ACTIONS = ("utter_what_else", "utter_which_school_then")


def test_training_data_is_valid():
    result = rasa("data", "validate", timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    warnings = [line for line in output.splitlines() if "UserWarning" in line
                and not any(response in line for response in UTTERED_BY_ACTIONS)]
    assert warnings == []


def test_end_to_end_stories_pass(trained_model, tmp_path):
    result = rasa("test", "core", "--model", str(trained_model), "--stories",
                  str(PROJECT_ROOT / "tests" / "e2e"), "--out", str(tmp_path),
                  "--fail-on-prediction-errors")
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details + result.stdout[-3000:] + result.stderr[-2000:]


def new_user():
    return f"user-{uuid.uuid4().hex[:8]}"


def test_http_tuition_with_a_typo(servers):
    reply = say_text(servers, new_user(), "how much is tuition at carnegie melon?")
    assert "$62,260 per year" in reply


def test_http_follow_up_keeps_the_school(servers):
    user = new_user()
    assert "Clark University" in say_text(servers, user, "tell me about Clark")
    assert "$54,760 per year" in say_text(servers, user, "and its tuition?")


def test_http_unknown_school(servers):
    reply = say_text(servers, new_user(), "what's the tuition at Hogwarts?")
    assert "couldn't find" in reply or "Which school" in reply


def test_http_unknown_graduation_rate_is_said_plainly(servers):
    reply = say_text(servers, new_user(), "what is the graduation rate at NYU")
    assert "The source lists no graduation rate for New York University" in reply


@pytest.mark.parametrize("text", ["", "   ", "🎓🤖🔥", "x" * 10_240,
                                  "'; DROP TABLE schools; --", "SELECT * FROM schools",
                                  "what's the weather in Paris?", "asdf qwer zxcv"])
def test_http_bad_input_gets_a_friendly_answer_and_the_conversation_goes_on(servers, text):
    user = new_user()
    messages = say(servers, user, text)
    replies = " ".join(m.get("text", "") for m in messages)
    assert "Traceback" not in replies and "Error" not in replies
    assert "$66,640 per year" in say_text(servers, user, "tuition at USC")
