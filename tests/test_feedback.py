"""Feedback and insights without servers: the rating a message carries (a thumbs button's
command or typed words), action_feedback leaving the conversation's context alone, where the
tracker store is by default, and the insights report built from Rasa's own event dicts.
The same through real servers and a real SQLite tracker store is tests/test_insights.py."""
import json
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from actions.feedback import RESPONSES, rating_of
from deployment import insights, tracker_url
from tests.action_runner import executor, run, tracker

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text())


def feedback(text, rating=None):
    entities = [{"entity": "rating", "value": rating}] if rating else []
    return {"text": text, "intent": {"name": "feedback", "confidence": 1.0}, "entities": entities}


@pytest.mark.parametrize("parse, rating", [
    (feedback('/feedback{"rating": "up"}', "up"), "up"),
    (feedback('/feedback{"rating": "down"}', "down"), "down"),
    (feedback('/feedback{"rating": "sideways"}', "sideways"), None),  # a crafted command
    (feedback("/feedback"), None),
    (feedback("that answer was wrong"), "down"),
    (feedback("that wasn't helpful at all"), "down"),
    (feedback("not a helpful answer"), "down"),
    (feedback("thumbs down"), "down"),
    (feedback("👎"), "down"),
    (feedback("great answer"), "up"),
    (feedback("thumbs up"), "up"),
    ({"text": "that was wrong", "intent": {"name": "deny"}}, None),  # not feedback
])
def test_the_rating_of_a_message(parse, rating):
    assert rating_of(parse) == rating


def test_action_feedback_thanks_and_leaves_the_context_alone():
    runner, context = executor(), {"focus": ["CMU"], "last_topic": "tuition"}
    for text, rating, response in [('/feedback{"rating": "down"}', "down", "utter_feedback_down"),
                                   ("great answer", None, "utter_feedback_up"),
                                   ('/feedback{"rating": 7}', 7, "utter_feedback")]:
        entities = [{"entity": "rating", "value": rating}] if rating else []
        _, responses, slots = run(runner, "action_feedback",
                                  tracker(text, "feedback", entities, context=context))
        assert responses == [response] and slots == {}
    assert set(RESPONSES.values()) <= set(DOMAIN["responses"])


def test_the_tracker_store_is_a_sqlite_file_unless_a_url_says_otherwise(tmp_path, monkeypatch):
    monkeypatch.delenv(tracker_url.TRACKER_STORE_URL, raising=False)
    monkeypatch.delenv(tracker_url.TRACKER_STORE_DB, raising=False)
    assert tracker_url.tracker_store_url() == f"sqlite:///{tracker_url.DEFAULT_DB}"
    monkeypatch.setenv(tracker_url.TRACKER_STORE_DB, str(tmp_path / "new" / "c.db"))
    assert tracker_url.tracker_store_url() == f"sqlite:///{tmp_path / 'new' / 'c.db'}"
    assert (tmp_path / "new").is_dir()  # SQLite makes the file, not its folder
    monkeypatch.setenv(tracker_url.TRACKER_STORE_URL, "postgresql://rasa@db/tracker")
    assert tracker_url.tracker_store_url() == "postgresql://rasa@db/tracker"
    monkeypatch.setenv(tracker_url.TRACKER_STORE_URL, "memory://")
    assert tracker_url.tracker_store_url() is None


# --- the report, from events as Rasa writes them ------------------------------------------

DAY = 1_780_000_000.0  # 2026-05-28 20:26:40 UTC


def user(text, intent, at, entities=()):
    return UserUttered(text, {"name": intent, "confidence": 0.9}, list(entities),
                       timestamp=at).as_dict()


def bot(text, at, response=None):
    return BotUttered(text, metadata={"utter_action": response} if response else {},
                      timestamp=at).as_dict()


def thumbs(rating, at):
    return user(f'/feedback{{"rating": "{rating}"}}', "feedback", at,
                [{"entity": "rating", "value": rating}])


CONVERSATIONS = [
    ("alice", [
        user("tuition at CMU", "ask_tuition", DAY), ActionExecuted("action_converse").as_dict(),
        bot("CMU costs $62,260 per year.", DAY + 1), bot("(a table)", DAY + 1),
        SlotSet("context", {}).as_dict(),
        thumbs("down", DAY + 2), bot("Thanks for telling me", DAY + 2, "utter_feedback_down"),
        thumbs("down", DAY + 3), bot("Thanks for telling me", DAY + 3, "utter_feedback_down"),
        user("asdf qwer", "nlu_fallback", DAY + 4), bot("Sorry, I didn't get that.", DAY + 4,
                                                        "utter_default"),
        user("  ASDF   qwer ", "nlu_fallback", DAY + 5), bot("Sorry, I didn't", DAY + 5,
                                                            "utter_default"),
    ]),
    ("bob", [
        user("what's the weather?", "out_of_scope", DAY + 86400),
        bot("outside what I know", DAY + 86400, "utter_out_of_scope"),
        user("tuition at USC", "ask_tuition", DAY + 86401), bot("USC: $66,640", DAY + 86401),
        user("that answer was wrong", "feedback", DAY + 86402),
        user("top 5 programs", "rank_schools", DAY + 86403), bot("1. CMU …", DAY + 86403),
        thumbs("up", DAY + 86404),
    ]),
]


def report(since=0.0):
    return insights.as_dict(insights.build_report(CONVERSATIONS, since), top=10)


def test_the_report_lists_the_misses_the_ratings_the_days_and_the_topics():
    data = report()
    assert data["not_understood"] == [{"message": "asdf qwer", "count": 2}]
    assert data["out_of_scope"] == [{"message": "what's the weather?", "count": 1}]
    assert [(r["sender_id"], r["question"], r["answer"]) for r in data["rated_down"]] == [
        ("alice", "tuition at CMU", "CMU costs $62,260 per year.\n(a table)"),
        ("alice", "tuition at CMU", "CMU costs $62,260 per year.\n(a table)"),  # the thanks is not
        ("bob", "tuition at USC", "USC: $66,640")]
    assert [(r["question"], r["answer"]) for r in data["rated_up"]] == [
        ("top 5 programs", "1. CMU …")]
    assert data["days"] == [
        {"day": "2026-05-28", "conversations": 1, "user_turns": 3, "rated_up": 0, "rated_down": 2},
        {"day": "2026-05-29", "conversations": 1, "user_turns": 3, "rated_up": 1, "rated_down": 1}]
    assert data["topics"] == [{"intent": "ask_tuition", "count": 2},
                              {"intent": "nlu_fallback", "count": 2},
                              {"intent": "out_of_scope", "count": 1},
                              {"intent": "rank_schools", "count": 1}]
    text = insights.render(data)
    assert "Q: tuition at USC" in text and "A: USC: $66,640" in text and "asdf qwer" in text


def test_a_period_counts_only_its_events_but_keeps_the_question_before_a_rating():
    data = report(since=DAY + 86402)
    assert data["not_understood"] == [] and data["out_of_scope"] == []
    assert [(r["question"], r["answer"]) for r in data["rated_down"]] == [
        ("tuition at USC", "USC: $66,640")]
    assert data["topics"] == [{"intent": "rank_schools", "count": 1}]


def test_the_command_reads_a_sqlite_tracker_store(tmp_path, monkeypatch, capsys):
    """Rasa's own SQLTrackerStore writes the events; the command reads them back."""
    import asyncio

    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

    from deployment import stores
    monkeypatch.delenv(tracker_url.TRACKER_STORE_URL, raising=False)
    monkeypatch.setenv(tracker_url.TRACKER_STORE_DB, str(tmp_path / "conversations.db"))
    store = stores.EnvTrackerStore(domain=Domain.empty())
    for sender_id, events in CONVERSATIONS:
        conversation = DialogueStateTracker(sender_id, slots=[])
        for event in events:
            conversation.update(Event.from_parameters(event))
        asyncio.run(store.save(conversation))
    assert insights.main(["--json"]) == 0
    assert {k: v for k, v in json.loads(capsys.readouterr().out).items()
            if k not in ("store", "since")} == report()
