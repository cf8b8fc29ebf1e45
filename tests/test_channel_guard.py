"""The channels' guard and limits without a server: every message gets a sentence, over-long
ones are refused before Rasa, malformed bodies are named, Slack output is escaped.
(tests/test_fuzz.py sends the same and worse through the real server.)"""
import asyncio
import json

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from channels.guard import CANNOT_ANSWER, guarded
from channels.rest import body_problem
from channels.slack import slack_escaped
from channels.socketio import is_message
from nlu_components.message_limits import (MAX_ENTITIES, MAX_MESSAGE_CHARS, EntityLimit,
                                           MessageTextLimit, bounded, clean_text)
from tests.slack_standin import recording_bot


def run(handler, text):
    """One message through a guarded handler: (the texts the user got, what Rasa was given)."""
    given = []

    async def go():
        collector = CollectingOutputChannel()
        await guarded(handler(given))(UserMessage(text, collector, "user-1"))
        return [m.get("text") for m in collector.messages]

    return asyncio.run(go()), given


def answering(given):
    async def handle(message):
        given.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "an answer")
    return handle


def silent(given):
    async def handle(message):
        given.append(message.text)
    return handle


def failing(given):
    async def handle(message):
        given.append(message.text)
        raise ConnectionError("the action server is down")
    return handle


def test_an_answered_message_passes_through_unchanged():
    replies, given = run(answering, "tuition at CMU")
    assert replies == ["an answer"] and given == ["tuition at CMU"]


@pytest.mark.parametrize("handler", [silent, failing], ids=["no reply", "an exception"])
def test_a_turn_that_fails_or_says_nothing_gets_a_sentence(handler):
    replies, given = run(handler, "tuition at CMU")
    assert given == ["tuition at CMU"]
    assert replies == [CANNOT_ANSWER]


def test_an_over_long_message_is_refused_before_rasa_reads_it():
    replies, given = run(answering, "cmu " * 2000)
    assert given == []
    assert len(replies) == 1 and "too long" in replies[0] and f"{MAX_MESSAGE_CHARS:,}" in replies[0]
    replies, given = run(answering, "x" * MAX_MESSAGE_CHARS)  # the limit itself is allowed
    assert replies == ["an answer"]


def test_unprintable_characters_and_lone_surrogates_are_taken_out():
    replies, given = run(answering, "tuition\x00 at \ud800CMU\x1b")
    assert given == ["tuition  at  CMU"] and replies == ["an answer"]
    assert clean_text(None) == "" and clean_text({"$ne": 1}) == ""
    assert "\n" in clean_text("a\nb") and "\t" in clean_text("a\tb")


def test_log_lines_of_user_text_are_bounded():
    assert len(bounded("x" * 1_000_000)) < 260
    assert bounded("short") == "'short'"


@pytest.mark.parametrize("body, problem", [
    (b"", "not JSON"), (b"{", "not JSON"), (b"[]", "not a JSON object"),
    (b'"tuition"', "not a JSON object"), (b"null", "not a JSON object"),
    (b'{"sender": "a"}', '"message"'), (b'{"sender": "a", "message": 5}', '"message"'),
    (b'{"sender": "a", "message": {"$ne": 1}}', '"message"'),
    (b'{"sender": 7, "message": "hi"}', '"sender"'),
    (json.dumps({"sender": "s" * 129, "message": "hi"}).encode(), '"sender"'),
    (b'{"sender": "a", "message": "hi", "metadata": []}', '"metadata"'),
])
def test_rest_bodies_that_cannot_be_read_are_named(body, problem):
    assert problem in (body_problem(body) or "")


@pytest.mark.parametrize("body", [b'{"sender": "a", "message": "hi"}', b'{"message": ""}',
                                  b'{"sender": "a", "message": "hi", "metadata": {"k": 1}}'])
def test_good_rest_bodies_pass(body):
    assert body_problem(body) is None


def test_socketio_events_that_are_not_messages_are_recognised():
    assert is_message({"message": "hi"}) and is_message({"message": "hi", "metadata": {}})
    assert not is_message("hi") and not is_message(None) and not is_message([1])
    assert not is_message({"message": 5}) and not is_message({"message": "hi", "metadata": "x"})


def test_slack_control_sequences_are_escaped():
    assert slack_escaped("<!channel> <@U123> <http://evil|click> & co") == \
        "&lt;!channel&gt; &lt;@U123&gt; &lt;http://evil|click&gt; &amp; co"


def test_slack_output_escapes_every_posted_text():
    bot, posted = recording_bot()
    asyncio.run(bot.send_text_message("D1", "I don't know “<!channel>”."))
    asyncio.run(bot.send_text_with_buttons("D1", "Did you mean <@U1>?",
                                           [{"title": "Yes", "payload": "yes"}]))
    assert [p["text"] for p in posted] == ["I don't know “&lt;!channel&gt;”.",
                                           "Did you mean &lt;@U1&gt;?"]


def test_the_pipeline_limits_cut_text_and_entities():
    message = Message(data={TEXT: "top \ud800" + "9" * 1_200_000})
    MessageTextLimit().process([message])
    assert len(message.get(TEXT)) == MAX_MESSAGE_CHARS and "\ud800" not in message.get(TEXT)
    flooded = Message(data={TEXT: "x", ENTITIES: [{"entity": "school", "value": "CMU"}] * 900})
    EntityLimit().process([flooded])
    assert len(flooded.get(ENTITIES)) == MAX_ENTITIES
