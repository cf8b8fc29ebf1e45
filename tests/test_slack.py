"""Slack: signed Events API requests to a real Rasa server; answers land on a local stand-in
of Slack's Web API (SLACK_API_URL)."""
import hashlib
import hmac
import json
import time
import uuid

import pytest
import requests

from tests.conftest import SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET
from tests.slack_limits import block_kit_problems

pytestmark = pytest.mark.rasa


def signed_headers(body: str, secret: str = SLACK_SIGNING_SECRET, timestamp=None,
                   content_type="application/json"):
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(),
                      hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}",
            "Content-Type": content_type}


def message_event(text: str, channel: str, event_id: str = None) -> str:
    return json.dumps({
        "token": "verification-token", "team_id": "T0001", "api_app_id": "A0001",
        "type": "event_callback", "event_id": event_id or f"Ev{uuid.uuid4().hex[:10]}",
        "event_time": int(time.time()), "authorizations": [{"user_id": "UBOT"}],
        "event": {"type": "message", "channel_type": "im", "channel": channel,
                  "user": f"U{uuid.uuid4().hex[:8]}", "text": text,
                  "ts": f"{time.time():.6f}"},
    })


def post(bot, body: str, headers) -> requests.Response:
    return requests.post(f"{bot.url}/webhooks/slack/webhook", data=body.encode(),
                         headers=headers, timeout=30)


def wait_for_posts(bot, channel: str, count: int = 1, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        posts = bot.slack.messages_to(channel)
        if len(posts) >= count:
            return posts
        time.sleep(0.2)
    return bot.slack.messages_to(channel)


def click(bot, channel: str, user: str, value: str) -> requests.Response:
    """A click on a button whose value is `value`, as Slack posts it (block_actions)."""
    payload = {"type": "block_actions", "trigger_id": uuid.uuid4().hex, "user": {"id": user},
               "channel": {"id": channel}, "message": {"ts": "1.000"},
               "actions": [{"type": "button", "value": value, "action_id": "a1",
                            "block_id": "b1"}]}
    form = "payload=" + requests.utils.quote(json.dumps(payload))
    return post(bot, form, signed_headers(form,
                                          content_type="application/x-www-form-urlencoded"))

def new_channel() -> str:
    return f"D{uuid.uuid4().hex[:8].upper()}"


def test_url_verification_challenge(bot):
    body = json.dumps({"type": "url_verification", "token": "t", "challenge": "abc123"})
    response = post(bot, body, signed_headers(body))
    assert response.status_code == 200 and response.json() == {"challenge": "abc123"}


def test_signed_message_is_answered_through_the_web_api(bot):
    channel = new_channel()
    body = message_event("how much is tuition at carnegie melon?", channel)
    assert post(bot, body, signed_headers(body)).status_code == 200
    posts = wait_for_posts(bot, channel)
    assert posts and "$62,260 per year" in posts[0]["text"]
    assert posts[0]["method"] == "chat.postMessage"
    assert posts[0]["authorization"] == f"Bearer {SLACK_BOT_TOKEN}"


@pytest.mark.parametrize("headers", [
    lambda body: signed_headers(body, secret="wrong-secret"),
    lambda body: signed_headers(body, timestamp=int(time.time()) - 10 * 60),  # stale
    lambda body: {"Content-Type": "application/json"},  # unsigned
])
def test_bad_or_stale_signature_is_rejected_and_unanswered(bot, headers):
    channel = new_channel()
    body = message_event("tuition at CMU", channel)
    response = post(bot, body, headers(body))
    assert response.status_code == 400
    time.sleep(3)
    assert bot.slack.messages_to(channel) == []


@pytest.mark.parametrize("reason", ["http_timeout", "http_error", "unknown_error"])
def test_slack_retries_do_not_duplicate_the_answer(bot, reason):
    channel = new_channel()
    event_id = f"Ev{uuid.uuid4().hex[:10]}"
    body = message_event("tuition at USC", channel, event_id)
    assert post(bot, body, signed_headers(body)).status_code == 200
    for attempt in (1, 2):
        retry = post(bot, body, {**signed_headers(body), "X-Slack-Retry-Num": str(attempt),
                                 "X-Slack-Retry-Reason": reason})
        assert retry.status_code == 200
    posts = wait_for_posts(bot, channel)
    time.sleep(3)  # give any duplicate time to arrive
    posts = bot.slack.messages_to(channel)
    assert len(posts) == 1 and "$66,640 per year" in posts[0]["text"]


def test_buttons_become_blocks_and_a_click_is_answered(bot):
    channel = new_channel()
    body = message_event("help me choose", channel)
    post(bot, body, signed_headers(body))
    question = wait_for_posts(bot, channel)[0]
    assert block_kit_problems(question) == []
    buttons = [element for block in question.get("blocks", []) if block["type"] == "actions"
               for element in block["elements"]]
    assert [b["text"]["text"] for b in buttons][:2] == ["Under $15k", "Under $30k"]
    response = click(bot, channel, json.loads(body)["event"]["user"], buttons[1]["value"])
    assert response.status_code == 200
    posts = wait_for_posts(bot, channel, count=2)
    assert len(posts) >= 2 and "Where do you want to study" in posts[1]["text"]


def field_texts(post):
    return [field["text"] for block in post.get("blocks", []) for field in block.get("fields", [])]



@pytest.mark.parametrize("question, first_line, rows", [
    ("programs in new york by graduation rate", "By graduation rate, highest first", 3),
    ("compare CMU, NYU and UW", "Side by side", 3),
])
def test_a_ranking_and_a_comparison_arrive_as_one_valid_block_kit_message(
        bot, question, first_line, rows):
    channel = new_channel()
    body = message_event(question, channel)
    assert post(bot, body, signed_headers(body)).status_code == 200
    wait_for_posts(bot, channel)
    time.sleep(2)  # anything else it sends for this message arrives too
    message, = bot.slack.messages_to(channel)  # text and table in one message
    assert block_kit_problems(message) == []
    assert message["text"].startswith(first_line)  # the reply's text: notifications, fallback
    blocks = message["blocks"]
    assert blocks[0]["text"]["text"].startswith(f"*{first_line}")
    assert sum(1 for block in blocks if block.get("fields")) == rows
    assert "*Graduation rate*\nnot listed" in field_texts(message)  # NYU: never 0
    assert any(block["type"] == "context" and "Source: 2026 ranking" in
               block["elements"][0]["text"] for block in blocks)


def test_a_tables_buttons_are_answered(bot):
    channel = new_channel()
    body = message_event("programs in new york by graduation rate", channel)
    post(bot, body, signed_headers(body))
    ranking = wait_for_posts(bot, channel)[0]
    buttons = {element["text"]["text"]: element["value"] for block in ranking["blocks"]
               if block["type"] == "actions" for element in block["elements"]}
    assert buttons["Only private"] == "only private ones"
    user = json.loads(body)["event"]["user"]
    assert click(bot, channel, user, buttons["Only private"]).status_code == 200
    refined = wait_for_posts(bot, channel, count=2)[1]
    assert block_kit_problems(refined) == []
    assert "private" in refined["blocks"][0]["text"]["text"]


def test_an_answer_has_thumbs_and_a_thumbs_down_is_thanked(bot):
    channel = new_channel()
    body = message_event("tuition at CMU", channel)
    assert post(bot, body, signed_headers(body)).status_code == 200
    answer, = wait_for_posts(bot, channel)
    assert "$62,260" in answer["text"] and block_kit_problems(answer) == []
    values = [element["value"] for block in answer["blocks"] if block["type"] == "actions"
              for element in block["elements"]]
    assert '/feedback{"rating": "down"}' in values and "source" in values
    user = json.loads(body)["event"]["user"]
    assert click(bot, channel, user, '/feedback{"rating": "down"}').status_code == 200
    posts = wait_for_posts(bot, channel, count=2)
    assert posts[1]["text"].startswith("Thanks for telling me")
