"""Rasa's REST channel (POST /webhooks/rest/webhook) behind the guard (channels/guard.py),
with its request body checked first: Rasa 3.6 answers an empty body, a JSON array or a JSON
string with HTTP 500 and a stack trace in the log; here they get 400 and a sentence saying
what the body must be."""
import json
from typing import Any, Dict, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.guard import OnNewMessage, guarded

MAX_SENDER_CHARS = 128  # a conversation id is a key in every store, not a place for text
BODY_HELP = ('Send a JSON object such as {"sender": "some-id", "message": "tuition at CMU"}: '
             '"message" a string, "sender" a string of up to %d characters, "metadata" an '
             'object if given.' % MAX_SENDER_CHARS)


def body_problem(raw: bytes) -> Optional[Text]:
    """What is wrong with a REST request body, or None when it is usable."""
    try:
        body: Any = json.loads(raw or b"")
    except ValueError:
        return "The body is not JSON."
    if not isinstance(body, dict):
        return "The body is not a JSON object."
    if not isinstance(body.get("message"), str):
        return 'The body has no "message" string.'
    sender = body.get("sender")
    if sender is not None and (not isinstance(sender, str) or
                               not 0 < len(sender) <= MAX_SENDER_CHARS):
        return '"sender" is not a string of 1 to %d characters.' % MAX_SENDER_CHARS
    if body.get("metadata") is not None and not isinstance(body["metadata"], dict):
        return '"metadata" is not an object.'
    if body.get("input_channel") is not None and not isinstance(body["input_channel"], str):
        return '"input_channel" is not a string.'
    return None


class AdvisorRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = super().blueprint(guarded(on_new_message))

        @webhook.on_request
        async def check_body(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            problem = body_problem(request.body)
            if problem:
                error: Dict[Text, Text] = {"error": problem, "expected": BODY_HELP}
                return response.json(error, status=400)
            return None

        return webhook
