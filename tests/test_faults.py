"""Faults behind the bot, through the real servers: the action server down, then answering
from a broken knowledge store. Each turn still gets a sentence (channels/guard.py, the
action's own catch), and once the fault is repaired the conversation goes on in context.
(tests/test_deployment.py does the same for PostgreSQL and Redis.)"""
import uuid
from contextlib import ExitStack, contextmanager

import pytest

from channels.guard import CANNOT_ANSWER
from tests.rasa_servers import RASA, free_port, rasa_server, say, say_text, started

pytestmark = pytest.mark.rasa


@contextmanager
def actions_on(port: int, workdir, env=None):
    """The action server on a port of our choosing, so it can come back where Rasa looks."""
    with started([RASA, "run", "actions", "--port", str(port), "--actions", "actions"],
                 f"http://127.0.0.1:{port}/health", workdir / f"actions-{uuid.uuid4().hex}.log",
                 {"SANIC_HOST": "127.0.0.1", **(env or {})}):
        yield


def test_faults_behind_the_bot_get_a_sentence_and_the_talk_goes_on(trained_model, tmp_path):
    port = free_port()
    sender = f"fault-{uuid.uuid4().hex[:6]}"
    with ExitStack() as running:
        actions = running.enter_context(ExitStack())
        actions.enter_context(actions_on(port, tmp_path))
        url = running.enter_context(rasa_server(trained_model,
                                                f"http://127.0.0.1:{port}/webhook", tmp_path))
        assert "$62,260" in say_text(url, sender, "tuition at carnegie mellon?")

        actions.close()  # the action server goes down
        assert [m["text"] for m in say(url, sender, "and its graduation rate?")] == \
            [CANNOT_ANSWER]

        broken_store = {"KNOWLEDGE_DB_URL": f"sqlite:///{tmp_path}/missing/dir/knowledge.db"}
        with actions_on(port, tmp_path, broken_store):  # back, but the store is broken
            assert [m["text"] for m in say(url, sender, "and its graduation rate?")] == \
                [CANNOT_ANSWER]

        with actions_on(port, tmp_path):  # repaired: the conversation goes on, in context
            assert "98%" in say_text(url, sender, "and its graduation rate?")
