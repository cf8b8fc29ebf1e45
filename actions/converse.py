"""The one action behind every message: read the tracker, let knowledge/ answer in the
context of the conversation, say the replies, keep the new context in the `context` slot.

Whatever fails inside, the user gets a sentence, never silence: the error is logged with
the conversation id and the context is left as it was, so the next turn works."""
import logging
from typing import Any, Dict, Iterable, List, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.intents import message_from_parse
from actions.slots import CONTEXT
from knowledge.conversation import respond

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


def buttons(pairs: Iterable[Tuple[Text, Text]]) -> List[Dict[Text, Text]]:
    """(title, text sent when clicked) -> Rasa buttons: quick replies in the widget, blocks
    in Slack, numbered choices in the shell."""
    return [{"title": title, "payload": payload} for title, payload in pairs]


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
        for reply in turn.replies:
            if reply.fixed:
                dispatcher.utter_message(response=FIXED_RESPONSES[reply.fixed])
            else:
                dispatcher.utter_message(text=reply.text, buttons=buttons(reply.buttons))
        return [SlotSet(CONTEXT, turn.state)]
