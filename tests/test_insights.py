"""Feedback and insights through the real servers: scripted conversations over REST, with
known misses and known thumbs, on the default tracker store (SQLite, a file in this test's
folder); the Rasa server is restarted halfway, and a conversation goes on where it was; then
`python -m deployment.insights` reads the file and must list exactly those misses and ratings."""
import json
import subprocess
import sys
import uuid

import pytest

from tests.rasa_servers import (PROJECT_ROOT, action_server, own_tracker_store, rasa_env,
                                rasa_server, say_text)

pytestmark = pytest.mark.rasa

UP, DOWN = '/feedback{"rating": "up"}', '/feedback{"rating": "down"}'
DIDNT_GET = "didn't get that"
OUT_OF_SCOPE = "outside what I know"


@pytest.fixture(scope="module")
def scripted(trained_model, tmp_path_factory):
    """Runs the script; returns (the tracker store's file, the senders, the replies by turn)."""
    workdir = tmp_path_factory.mktemp("insights")
    store = own_tracker_store(workdir / "conversations.db")
    ann, ben, cat, dan = (f"{name}-{uuid.uuid4().hex[:6]}" for name in ("ann", "ben", "cat", "dan"))
    replies = {}
    with action_server(workdir) as action_url:
        with rasa_server(trained_model, action_url, workdir, env=store) as url:
            for sender, text in [(ann, "tell me about Clark"), (ann, "how much is tuition at CMU?"),
                                 (ann, DOWN), (ben, "asdf qwer zxcv"),
                                 (ben, "what's the weather in Paris?"), (ben, "tell me more")]:
                replies[sender, text] = say_text(url, sender, text)
        # A new Rasa process: only the SQLite file remembers the conversations.
        with rasa_server(trained_model, action_url, workdir, env=store) as url:
            for sender, text in [(ann, "and its graduation rate?"), (ann, UP),
                                 (cat, "what are the top 5 programs?"), (cat, DOWN),
                                 (cat, "show more"), (dan, "Show  more")]:
                replies[sender, text] = say_text(url, sender, text)
    return store, (ann, ben, cat, dan), replies


def test_the_scripted_turns_get_the_known_answers(scripted):
    _, (ann, ben, cat, dan), replies = scripted
    assert "$62,260 per year" in replies[ann, "how much is tuition at CMU?"]
    assert "noted that the answer missed" in replies[ann, DOWN]
    assert "glad that helped" in replies[ann, UP]
    # This bot calls gibberish out of scope; "didn't get that" is for a turn that asks for
    # what is not there, here more of a list never shown.
    assert OUT_OF_SCOPE in replies[ben, "asdf qwer zxcv"]
    assert OUT_OF_SCOPE in replies[ben, "what's the weather in Paris?"]
    assert DIDNT_GET in replies[ben, "tell me more"] and DIDNT_GET in replies[dan, "Show  more"]
    assert "1. " in replies[cat, "what are the top 5 programs?"]
    # The rating left the list in place: "show more" pages on from it.
    assert "6. " in replies[cat, "show more"]


def test_a_conversation_and_its_context_survive_a_restart_of_the_rasa_server(scripted):
    _, (ann, *_), replies = scripted
    # "its" is CMU, the school of the last answer before the restart (and the rating).
    assert "Carnegie Mellon" in replies[ann, "and its graduation rate?"]


def insights(store, *arguments):
    result = subprocess.run([sys.executable, "-m", "deployment.insights", *arguments],
                            cwd=PROJECT_ROOT, env={**rasa_env(), **store}, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_the_report_lists_exactly_the_scripted_misses_and_ratings(scripted):
    store, (ann, ben, cat, dan), replies = scripted
    report = json.loads(insights(store, "--json"))

    def counts(rows):
        return {row["message"]: row["count"] for row in rows}
    # "show more" once: cat's, after a list, was answered (case and spacing are ignored)
    assert counts(report["not_understood"]) == {"tell me more": 1, "show more": 1}
    assert counts(report["out_of_scope"]) == {"asdf qwer zxcv": 1,
                                              "what's the weather in paris?": 1}
    assert [(r["sender_id"], r["question"], r["answer"]) for r in report["rated_down"]] == [
        (ann, "how much is tuition at CMU?", replies[ann, "how much is tuition at CMU?"]),
        (cat, "what are the top 5 programs?", replies[cat, "what are the top 5 programs?"])]
    assert [(r["sender_id"], r["question"]) for r in report["rated_up"]] == [
        (ann, "and its graduation rate?")]
    days = report["days"]  # one day, or two if the test ran across midnight UTC
    assert sum(day["user_turns"] for day in days) == 9  # the 12 messages less the 3 ratings
    assert (sum(day["rated_up"] for day in days), sum(day["rated_down"] for day in days)) == (1, 2)
    assert max(day["conversations"] for day in days) <= 4
    assert sum(topic["count"] for topic in report["topics"]) == 9
    assert "feedback" not in {topic["intent"] for topic in report["topics"]}
    text = insights(store)
    assert "Answers rated down: 2 (rated up: 1)" in text
    assert "Q: what are the top 5 programs?" in text and "tell me more" in text
