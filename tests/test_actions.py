"""action_converse through rasa-sdk's executor with real tracker payloads: intents become
hints, the context slot carries the conversation, fixed replies are the domain's responses,
and nothing inside can leave the user without an answer."""
import asyncio
from pathlib import Path

import pytest
import yaml

from actions import converse
from actions.converse import FIXED_RESPONSES
from actions.intents import HINTS, entity_values, message_from_parse
from actions.slots import CONTEXT
from knowledge.replying.render import FIXED
from knowledge.replying.school_answers import TOPICS
from tests.action_runner import executor as new_executor, run, tracker

DOMAIN = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text())
ACTION = "action_converse"


@pytest.fixture(scope="module")
def executor():
    return new_executor()


def test_every_intent_of_the_domain_has_a_hint_and_every_topic_is_known():
    assert set(DOMAIN["intents"]) == set(HINTS)
    assert {topic for act, topic in HINTS.values() if act == "facts"} <= set(TOPICS)


def test_every_fixed_reply_is_a_response_of_the_domain():
    assert set(FIXED) | {"greet_short"} == set(FIXED_RESPONSES)
    assert set(FIXED_RESPONSES.values()) | {converse.FAILED} <= set(DOMAIN["responses"])


def test_an_answer_and_its_context(executor):
    texts, _, slots = run(executor, ACTION, tracker("how much is tuition at carnegie melon?",
                                                    "ask_tuition", ["carnegie melon"]))
    assert "$62,260 per year" in texts[0]
    assert list(slots[CONTEXT]["focus"]) == ["Carnegie Mellon University"]
    texts, _, _ = run(executor, ACTION, tracker("and its grad rate?", "ask_grad_rate",
                                                context=slots[CONTEXT]))
    assert "Carnegie Mellon University has a 98% graduation rate" in texts[0]


def test_a_fixed_reply_is_the_domains_response(executor):
    _, responses, _ = run(executor, ACTION, tracker("hey there", "greet"))
    assert responses == ["utter_greet"]


def test_the_fallback_intent_still_gets_an_answer_from_the_words(executor):
    parse = tracker("n what about emory", "nlu_fallback", confidence=0.3,
                    ranking=[{"name": "nlu_fallback", "confidence": 0.4},
                             {"name": "ask_tuition", "confidence": 0.3}])
    texts, _, _ = run(executor, ACTION, parse)
    assert "Emory University" in texts[0]


def test_a_failure_inside_is_a_polite_sentence_and_the_context_stays(executor, monkeypatch):
    def broken(*_args):
        raise RuntimeError("store unreachable")

    monkeypatch.setattr(converse, "respond", broken)
    texts, responses, slots = run(executor, ACTION, tracker("tuition at CMU", "ask_tuition",
                                                            context={"focus": ["x"]}))
    assert responses == [converse.FAILED] and slots == {}


def test_intents_are_hints_and_the_fallback_passes_its_best_guess_weakly():
    message = message_from_parse({"text": "tuition at cmu",
                                  "intent": {"name": "ask_tuition", "confidence": 0.97}})
    assert (message.act, message.topic, message.confidence) == ("facts", "tuition", 0.97)
    guessed = message_from_parse({"text": "hmm", "intent": {"name": "nlu_fallback",
                                                            "confidence": 0.4},
                                  "intent_ranking": [{"name": "nlu_fallback"},
                                                     {"name": "ask_thesis", "confidence": 0.38}]})
    assert (guessed.act, guessed.guide) == ("guide", "thesis") and guessed.confidence < 0.5


def test_entities_that_are_not_text_are_dropped_not_echoed():
    found = entity_values([{"entity": "school", "value": {"$ne": 1}},
                           {"entity": "school", "value": "CMU"},
                           {"entity": "school", "value": "CMU"}, "junk"])
    assert found == {"school": ("CMU",)}


@pytest.mark.parametrize("text, intent, entities", [
    ("", "affirm", []),
    ("tuition at Hogwarts", "ask_tuition", ["Hogwarts"]),
    ("'; DROP TABLE schools; --", "ask_tuition", ["DROP TABLE schools"]),
    ("🎓🤖🎓", "rank_schools", []),
    ("x" * 10_000, "compare_schools", [("school", "x" * 10_000)]),
    ("top " + "9" * 4400 + " programs", "rank_schools", [("count", "9" * 4400)]),
    ("tuition at ²", "ask_tuition", ["²"]),
    ("cheapest under $-5", "rank_schools", [("amount", "$-5")]),
    ("school with {'$ne': 1}", "ask_tuition", [{"entity": "school", "value": {"$ne": 1}}]),
])
def test_odd_input_always_gets_a_short_friendly_answer(executor, text, intent, entities):
    texts, responses, _ = run(executor, ACTION, tracker(text, intent, entities))
    said = [t for t in texts if t] or responses
    assert said and all(len(t or "") < 2500 for t in texts)
    assert not any("Traceback" in (t or "") or "{'" in (t or "") for t in texts)
    assert responses != [converse.FAILED]  # answered, not merely survived


@pytest.mark.parametrize("channel, drawn", [("socketio", True), ("slack", True),
                                            ("rest", False), ("cmdline", False), (None, False)])
def test_a_ranking_carries_its_table_to_the_channels_that_draw_it(executor, channel, drawn):
    """The text (and buttons) as before on every channel but the shell, which says the
    choices as words to type; the table beside it as the custom payload only where a channel
    draws it (REST and the shell keep their plain text)."""
    parse = tracker("programs in new york by graduation rate", "rank_schools")
    parse["events"] = [{"event": "user", "text": parse["latest_message"]["text"],
                        "input_channel": channel, "parse_data": parse["latest_message"]}]
    response = asyncio.run(executor.run({"next_action": ACTION, "sender_id": "test-user",
                                         "tracker": parse, "domain": {}}))
    message, = response["responses"]
    assert message["text"].startswith("By graduation rate")
    if channel == "cmdline":  # the shell: choices as words to type, no menu to leave first
        assert not message["buttons"] and message["text"].endswith("· “source”")
    else:
        assert message["buttons"]
    if not drawn:
        assert message["custom"] == {}
        return
    data = message["custom"]["data"]
    assert data["text"] == message["text"]
    table = data["table"]
    assert table["kind"] == "ranking" and table["title"] == message["text"].splitlines()[0]
    nyu = next(row for row in table["rows"] if row[1]["value"] == "New York University")
    assert nyu[3] == {"value": None, "text": "not listed"}  # the graduation rate
