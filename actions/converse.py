"""The one action behind every message: read the tracker, let knowledge/ answer in the
context of the conversation, say the replies, keep the new context in the `context` slot.

Whatever fails inside, the user gets a sentence, never silence: the error is logged with
the conversation id and the context is left as it was, so the next turn works."""
import logging
from typing import Any, Dict, Iterable, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intents import message_from_parse
from actions.slots import CONTEXT
from knowledge.conversation import respond
from knowledge.replying.render import Reply

logger = logging.getLogger(__name__)

# Fixed replies of knowledge.replying.render -> the responses of domain.yml that word them.
FIXED_RESPONSES = {
    "greet": "utter_greet",
    "greet_short": "utter_greet_short",
    "thank": "utter_you_are_welcome",
    "goodbye": "utter_goodbye",
    "help": "utter_help",
    "out_of_scope": "utter_out_of_scope",
    "unclear": "utter_default",
}
FAILED = "utter_cannot_look_up"
# Channels whose output draws a reply's table: the website widget (and any socket.io client)
# and Slack. REST and the shell keep their plain text alone, as before.
TABLE_CHANNELS = ("socketio", "slack")
# Rasa's shell shows a reply's buttons as a choice menu that has to be left ("Type out your
# own message...") before the user can type again, after nearly every answer (the "Source"
# button): there the choices are words to type, under the text.
TYPED_CHOICE_CHANNELS = ("cmdline",)


def buttons(pairs: Iterable[Tuple[Text, Text]]) -> List[Dict[Text, Text]]:
    """(title, text sent when clicked) -> Rasa buttons: quick replies in the widget, blocks
    in Slack (the shell says them as words instead: typed_choices)."""
    return [{"title": title, "payload": payload} for title, payload in pairs]


def typed_choices(text: Text, pairs: Iterable[Tuple[Text, Text]]) -> Text:
    """The reply's text with its choices as words to type: "You can say: “source”"."""
    said = " · ".join(f"“{payload}”" for _title, payload in pairs)
    return f"{text}\nYou can say: {said}" if said else text


def table_payload(reply: Reply, channel: Optional[Text]) -> Optional[Dict[Text, Any]]:
    """The custom payload sent with a ranking's or comparison's text, for channels that draw
    the table. Rasa's socket.io output emits a custom payload as `emit(event, **payload)`, so
    its "data" is the event the widget receives right after the text; the text rides along,
    so the widget knows which message the table stands for, and rasa-webchat, which draws
    only {text} or {text, quick_replies} events, passes it by. The Slack output
    (channels/slack.py) reads the same payload."""
    if reply.table is None or channel not in TABLE_CHANNELS:
        return None
    return {"data": {"text": reply.text, "table": reply.table.to_dict()}}


class ActionConverse(Action):
    def name(self) -> Text:
        return "action_converse"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        try:
            turn = respond(message_from_parse(tracker.latest_message),
                           tracker.get_slot(CONTEXT))
        except Exception:  # noqa: BLE001 - the user must get an answer whatever broke
            logger.exception("action_converse failed in conversation %s", tracker.sender_id)
            dispatcher.utter_message(response=FAILED)
            return []
        channel = tracker.get_latest_input_channel()
        for reply in turn.replies:
            if reply.fixed:
                dispatcher.utter_message(response=FIXED_RESPONSES[reply.fixed])
            elif channel in TYPED_CHOICE_CHANNELS:
                dispatcher.utter_message(text=typed_choices(reply.text, reply.buttons))
            else:
                dispatcher.utter_message(text=reply.text, buttons=buttons(reply.buttons),
                                         json_message=table_payload(reply, channel))
        return [SlotSet(CONTEXT, turn.state)]
