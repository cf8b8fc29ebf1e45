"""Rasa's Slack connector, configured from environment variables, with three fixes a real
deployment needs:

* credentials come from SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET (credentials.yml may name
  other variables), so `credentials.yml` holds no secret and Rasa starts without them;
* Slack's Web API base URL comes from SLACK_API_URL (default https://slack.com/api/), so a
  test can point the connector at a local stand-in;
* an event Slack delivers again (same `event_id`, e.g. a retry after a slow answer) is
  answered once: repeats get 200 with `X-Slack-No-Retry: 1` and produce no second reply;
* the url_verification challenge is answered as Slack documents it ({"challenge": ...});
* every message goes through the guard (channels/guard.py), so a fault behind the bot still
  gets a sentence; and every text posted is escaped as Slack documents (&, <, >), so user
  text quoted in a reply cannot become `<!channel>`, a mention or a link under the bot's name;
* a ranking or comparison (a reply with a table in its custom payload) is one message: its
  table as Block Kit (channels/slack_blocks.py) with the buttons, and the reply's text as the
  message's `text`, which Slack shows in notifications and where blocks cannot be shown.

Signatures are checked by Rasa's SlackInput (bad or stale ones get 400).
"""
import json
import logging
import os
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request

from channels.guard import guarded
from channels.slack_blocks import slack_escaped, table_blocks, text_blocks, with_feedback

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
SEEN_EVENTS_KEPT = 10_000


class EventLog:
    """The last N event ids seen (per process), to answer each Slack event once."""

    def __init__(self, size: int = SEEN_EVENTS_KEPT) -> None:
        self._seen: "OrderedDict[str, None]" = OrderedDict()
        self._size = size

    def first_time(self, event_id: Optional[str]) -> bool:
        if not event_id:
            return True
        if event_id in self._seen:
            return False
        self._seen[event_id] = None
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True


def _env(credentials: Dict[Text, Any], key: Text, default_variable: Text) -> Optional[Text]:
    """credentials.yml gives the *name* of the environment variable (or nothing)."""
    return os.environ.get(credentials.get(key) or default_variable) or None


def _table(custom: Any) -> Optional[Dict[Text, Any]]:
    """The table of a custom payload (actions/converse.py: {"data": {"text", "table"}})."""
    data = custom.get("data") if isinstance(custom, dict) else None
    table = data.get("table") if isinstance(data, dict) else None
    return table if isinstance(table, dict) else None


class EscapingSlackBot(SlackBot):
    """Rasa's Slack output with every mrkdwn `text` escaped (the blocks of a table are
    escaped where they are made; Block Kit plain_text, used for buttons, is not parsed for
    control sequences), and a reply with a table sent as one message of blocks."""

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        table = _table(message.get("custom"))
        buttons = with_feedback(message.get("buttons") or [])
        if table is None and not (buttons and message.get("text")):
            await super().send_response(recipient_id, message)
            return
        text = message.get("text") or (table or {}).get("title") or ""
        blocks = table_blocks(table, buttons) if table else text_blocks(text, buttons)
        await self._post_message(channel=self.slack_channel or recipient_id, as_user=True,
                                 text=text, blocks=blocks)

    async def _post_message(self, channel: Text, **kwargs: Any) -> None:
        if isinstance(kwargs.get("text"), str):
            kwargs["text"] = slack_escaped(kwargs["text"])
        await super()._post_message(channel, **kwargs)


class AdvisorSlackInput(SlackInput):
    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "AdvisorSlackInput":
        credentials = credentials or {}
        channel = cls(
            slack_token=_env(credentials, "slack_token_env", "SLACK_BOT_TOKEN") or "",
            slack_channel=_env(credentials, "slack_channel_env", "SLACK_CHANNEL"),
            proxy=credentials.get("proxy"),
            slack_signing_secret=_env(credentials, "slack_signing_secret_env",
                                      "SLACK_SIGNING_SECRET") or "",
            slack_retry_reason_header=credentials.get("slack_retry_reason_header",
                                                      "x-slack-retry-reason"),
            slack_retry_number_header=credentials.get("slack_retry_number_header",
                                                      "x-slack-retry-num"),
            use_threads=credentials.get("use_threads", False),
            conversation_granularity=credentials.get("conversation_granularity", "sender"),
        )
        channel.api_url = os.environ.get("SLACK_API_URL") or DEFAULT_API_URL
        if not channel.slack_signing_secret:
            logger.warning("Slack: SLACK_SIGNING_SECRET is not set; every Slack request will "
                           "be rejected until it is.")
        return channel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url = DEFAULT_API_URL
        self.events = EventLog()

    def _validate_credentials(self) -> None:
        """Rasa refuses to start without a token; here a missing one only disables Slack."""

    def is_request_from_slack_authentic(self, request: Request) -> bool:
        return bool(self.slack_signing_secret) and super().is_request_from_slack_authentic(
            request)

    def get_output_channel(self, channel: Optional[Text] = None,
                           thread_id: Optional[Text] = None) -> SlackBot:
        output = EscapingSlackBot(self.slack_token, channel or self.slack_channel, thread_id,
                                  self.proxy)
        output.client.base_url = self.api_url
        return output

    async def process_message(self, request: Request,
                              on_new_message: Callable[[UserMessage], Awaitable[Any]],
                              text: Text, sender_id: Optional[Text],
                              metadata: Optional[Dict]) -> Any:
        event_id = _event_id(request)
        if not self.events.first_time(event_id):
            logger.info(f"Slack delivered event {event_id} again; answered it already.")
            return response.text("", headers={"X-Slack-No-Retry": "1"})
        return await super().process_message(request, on_new_message, text, sender_id,
                                             metadata)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook = super().blueprint(guarded(on_new_message))

        @slack_webhook.on_request
        async def check_body(request: Request):
            """A JSON body that is no object gets 400 (Rasa's handler would raise: 500); the
            url_verification challenge is answered here."""
            if request.method != "POST" or not request.path.endswith("/webhook") or \
                    request.headers.get("content-type") != "application/json":
                return None
            body = _json_value(request)
            if not isinstance(body, dict):
                return response.json({"error": "The body is not a JSON object."}, status=400)
            if body.get("type") == "url_verification" and \
                    self.is_request_from_slack_authentic(request):
                return response.json({"challenge": body.get("challenge")})
            return None

        return slack_webhook


def _json_value(request: Request) -> Any:
    """What a JSON request carries (None: not JSON, or not readable)."""
    if request.headers.get("content-type") != "application/json":
        return None
    try:
        return json.loads(request.body or b"{}")
    except ValueError:
        return None


def _json_body(request: Request) -> Dict[Text, Any]:
    body = _json_value(request)
    return body if isinstance(body, dict) else {}


def _event_id(request: Request) -> Optional[Text]:
    body = _json_body(request)
    if body:
        return body.get("event_id")
    payload = request.form.get("payload") if request.form else None
    if payload:  # a button click: one action per trigger id
        try:
            return json.loads(payload).get("trigger_id")
        except ValueError:
            return None
    return None
